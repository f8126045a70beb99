package net.outageherald.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import com.sun.net.httpserver.HttpServer;

/**
 * A chat platform on 127.0.0.1: {@code POST /send} with body {@code <destination> <nonce>} is accepted
 * after {@code latencyMillis} and answered with a message id. It records every request it accepted.
 */
public final class FakeChatServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    /** The queue's own size() walks every node: a count kept aside costs the same for the 1st and the 10,000th. */
    private final AtomicInteger count = new AtomicInteger();
    private volatile IntConsumer onRequest = n -> { };

    public FakeChatServer(int latencyMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(pool);
        server.createContext("/send", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            received.add(body);
            onRequest.accept(count.incrementAndGet());
            if (latencyMillis > 0) {
                try {
                    Thread.sleep(latencyMillis); // the platform's own latency, not a test waiting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = ("msg" + ids.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Called with the running count as each request arrives (before it is answered). */
    public void onRequest(IntConsumer callback) {
        this.onRequest = callback;
    }

    /** How many requests were accepted so far, without copying them. */
    public int count() {
        return count.get();
    }

    /** Every accepted request body, in arrival order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
