package net.outageherald.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The container's {@code HEALTHCHECK}: asks {@code /healthz} and exits 0 when it says 200, else 1, as
 * Docker expects. A Java main rather than curl or wget, because a JRE image need not have either and
 * the jar is there anyway. It touches nothing else of the application (no config, no logging), so it
 * starts fast. URL: the first argument, else {@code http://127.0.0.1:$HERALD_HTTP_PORT/healthz}.
 */
public final class HealthProbe {

    private static final int TIMEOUT_MILLIS = 5_000;

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault(HttpConfig.PORT_ENV, "8080");
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:" + port.strip() + "/healthz";
        System.exit(probe(url));
    }

    /** 0 when {@code url} answers 200, else 1; prints the answer (Docker keeps it in the health log). */
    static int probe(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(TIMEOUT_MILLIS);
            c.setReadTimeout(TIMEOUT_MILLIS);
            int status = c.getResponseCode();
            try (InputStream body = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8).strip();
                System.out.println(status + " " + text);
            }
            return status == 200 ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            System.out.println("no answer from " + url + ": " + e);
            return 1;
        }
    }
}
