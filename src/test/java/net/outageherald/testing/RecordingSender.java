package net.outageherald.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.outageherald.chat.telegram.TelegramChatKinds;
import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;
import net.outageherald.outbox.ChatKinds;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;

/**
 * A sender that records every attempt and answers from a script per destination id (Sent by default,
 * with ids "m1", "m2", ...).
 */
public final class RecordingSender implements Sender {

    /** One attempt and what we answered. */
    public record Attempt(Delivery delivery, SendResult result) {
    }

    private final Platform platform;
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<String> threads = new ArrayList<>(); // the thread of each attempt
    private final Set<String> arrived = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch meeting;
    private final Map<String, Deque<SendResult>> script = new HashMap<>();
    private int nextId;
    private volatile boolean charts;

    public RecordingSender(Platform platform) {
        this.platform = platform;
    }

    /** The next sends to this destination id answer these results, in order, then Sent again. */
    public synchronized RecordingSender answer(String destinationId, SendResult... results) {
        script.computeIfAbsent(destinationId, k -> new ArrayDeque<>()).addAll(List.of(results));
        return this;
    }

    /** Forgets what is left of a destination's script: it answers Sent again. */
    public synchronized void recover(String destinationId) {
        script.remove(destinationId);
    }

    @Override
    public Platform platform() {
        return platform;
    }

    /** Takes charts from now on, as the chat senders do (by default it takes none, as before charts). */
    public RecordingSender takingCharts() {
        charts = true;
        return this;
    }

    @Override
    public boolean sendsCharts() {
        return charts;
    }

    /** The platform's own rule, as the real sender gives it. */
    @Override
    public ChatKinds chatKinds() {
        return platform == Platform.TELEGRAM ? new TelegramChatKinds() : ChatKinds.NO_GROUPS;
    }

    /**
     * Holds every send until sends from {@code threads} different threads have begun (10 s at most, then
     * no send is held any more), so that callers draining at the same time really overlap; a test then
     * asks who sent what with {@link #deliveredOn(String)}.
     */
    public RecordingSender holdUntilSendingFrom(int threads) {
        meeting = new CountDownLatch(threads);
        return this;
    }

    /** How many different threads have begun a send since {@link #holdUntilSendingFrom(int)}. */
    public int threadsSending() {
        return arrived.size();
    }

    @Override
    public SendResult send(Delivery delivery) {
        CountDownLatch m = meeting;
        if (m != null) { // outside the lock: the other threads must be able to arrive
            if (arrived.add(Thread.currentThread().getName())) {
                m.countDown();
            }
            try {
                if (!m.await(10, TimeUnit.SECONDS)) {
                    meeting = null; // the others never came: hold nobody any longer, the test will say so
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            Deque<SendResult> q = script.get(delivery.to().id());
            SendResult r = q != null && !q.isEmpty() ? q.poll() : new SendResult.Sent("m" + ++nextId);
            attempts.add(new Attempt(delivery, r));
            threads.add(Thread.currentThread().getName());
            return r;
        }
    }

    public synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Deliveries the platform accepted, in order. */
    public synchronized List<Delivery> delivered() {
        return attempts.stream().filter(a -> a.result() instanceof SendResult.Sent).map(Attempt::delivery).toList();
    }

    /** Deliveries the platform accepted from sends made on the thread of this name, in order. */
    public synchronized List<Delivery> deliveredOn(String threadName) {
        List<Delivery> out = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            if (threads.get(i).equals(threadName) && attempts.get(i).result() instanceof SendResult.Sent) {
                out.add(attempts.get(i).delivery());
            }
        }
        return out;
    }

    /** Accepted deliveries to one destination id. */
    public synchronized List<Delivery> deliveredTo(String destinationId) {
        return delivered().stream().filter(d -> d.to().id().equals(destinationId)).toList();
    }

    /** "SEND OUTAGE_STARTED AS1 #1" lines for one destination, to compare with expectations. */
    public synchronized List<String> linesTo(String destinationId) {
        return deliveredTo(destinationId).stream().map(d -> d.action() + " " + d.message().headline()).toList();
    }

    /** The platform id we answered for a delivery. */
    public synchronized String idOf(Delivery d) {
        return attempts.stream().filter(a -> a.delivery() == d).map(Attempt::result)
                .filter(SendResult.Sent.class::isInstance).map(r -> ((SendResult.Sent) r).messageId())
                .findFirst().orElseThrow();
    }
}
