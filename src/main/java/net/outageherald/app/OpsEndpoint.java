package net.outageherald.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import net.outageherald.ops.HealthCheck;
import net.outageherald.ops.HttpConfig;
import net.outageherald.ops.Metrics;
import net.outageherald.ops.OpsServer;

/**
 * The operations endpoint ({@code /healthz}, {@code /metrics}) of one instance: opened at most once, when
 * {@code http.enabled}, and closed by the stop sequence.
 */
final class OpsEndpoint {

    private final HttpConfig http;
    private final HealthCheck health;
    private final Metrics metrics;
    private OpsServer server;

    OpsEndpoint(HttpConfig http, HealthCheck health, Metrics metrics) {
        this.http = http;
        this.health = health;
        this.metrics = metrics;
    }

    /**
     * Opens the endpoint if enabled, once; gives the port bound, or -1 when disabled. Throws
     * {@link UncheckedIOException} when the address cannot be bound, naming it.
     */
    synchronized int start() {
        if (!http.enabled()) {
            return -1;
        }
        if (server == null) {
            try {
                server = OpsServer.start(http.address(), http.port(), health, metrics::scrape);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serve health and metrics on " + http.address() + ":"
                        + http.port() + ": " + e.getMessage() + "; free the port or set http.port (HERALD_HTTP_PORT)",
                        e);
            }
        }
        return server.port();
    }

    /** The server if open, else null. */
    synchronized OpsServer server() {
        return server;
    }
}
