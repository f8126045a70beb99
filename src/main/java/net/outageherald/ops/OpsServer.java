package net.outageherald.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint on the JDK's own HTTP server (no extra dependency for two read-only pages):
 * {@code GET /healthz} answers 200 or 503 with {@link HealthCheck}'s JSON, {@code GET /metrics} the
 * Prometheus text. One thread serves both; a scrape every few seconds needs no more.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private OpsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds {@code address:port} (port 0: any free one) and starts serving; throws if the port is taken. */
    public static OpsServer start(String address, int port, HealthCheck health, Supplier<String> metrics)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "herald-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/healthz", exchange -> {
            HealthCheck.Result r = health.check();
            reply(exchange, r.healthy() ? 200 : 503, "application/json", r.json() + "\n");
        });
        server.createContext("/metrics", exchange -> reply(exchange, 200, PROMETHEUS_TEXT, metrics.get()));
        server.createContext("/", exchange -> reply(exchange, 404, "text/plain; charset=utf-8",
                "not found; try /healthz or /metrics\n"));
        server.start();
        OpsServer ops = new OpsServer(server, executor);
        LOG.info("Health and metrics on http://{}:{}/healthz and /metrics", address, ops.port());
        return ops;
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (RuntimeException e) { // the server would drop the connection without a word
            LOG.warn("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString(), e);
            throw e;
        }
    }

    /** Stops at once: health checks and scrapes in progress are cut off, which their clients retry. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
