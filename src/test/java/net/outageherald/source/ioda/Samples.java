package net.outageherald.source.ioda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import mockwebserver3.MockResponse;

/** Our own IODA samples ({@code src/test/resources/ioda/}) and a clock tests move by hand. */
final class Samples {

    /** 2014-12-22T16:00Z, the first bin of the KP samples. */
    static final Instant T0 = Instant.ofEpochSecond(1419264000L);

    private Samples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/ioda/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no sample ioda/" + name + ".json on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse ok(String name) {
        return json(200, text(name));
    }
}
