package net.outageherald.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final Map<String, Deque<SendResult>> script = new HashMap<>();
    private int nextId;

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

    /** The platform's own rule, as the real sender gives it. */
    @Override
    public ChatKinds chatKinds() {
        return platform == Platform.TELEGRAM ? new TelegramChatKinds() : ChatKinds.NO_GROUPS;
    }

    @Override
    public synchronized SendResult send(Delivery delivery) {
        Deque<SendResult> q = script.get(delivery.to().id());
        SendResult r = q != null && !q.isEmpty() ? q.poll() : new SendResult.Sent("m" + ++nextId);
        attempts.add(new Attempt(delivery, r));
        return r;
    }

    public synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Deliveries the platform accepted, in order. */
    public synchronized List<Delivery> delivered() {
        return attempts.stream().filter(a -> a.result() instanceof SendResult.Sent).map(Attempt::delivery).toList();
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
