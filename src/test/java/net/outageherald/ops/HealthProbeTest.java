package net.outageherald.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The container's health probe: Docker's 0 for healthy and 1 for anything else. */
class HealthProbeTest {

    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer server;

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/healthz", exchange -> {
            byte[] body = "{\"status\":\"...\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/healthz";
    }

    @Test
    void twoHundredIsHealthy() {
        assertThat(HealthProbe.probe(url())).isZero();
    }

    @Test
    void fiveOhThreeIsUnhealthy() {
        status.set(503);
        assertThat(HealthProbe.probe(url())).isEqualTo(1);
    }

    @Test
    void noAnswerIsUnhealthy() {
        int port = server.getAddress().getPort();
        server.stop(0);
        assertThat(HealthProbe.probe("http://127.0.0.1:" + port + "/healthz")).isEqualTo(1);
    }
}
