package net.outageherald.source.ripestat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;

/**
 * The project's own RIPEstat answers, written in the documented shapes, from the test class path
 * ({@code src/test/resources/ripestat/}): the tests run on a lone clone, without the recorded responses of
 * {@code ../shared} (those are checked by {@link RecordedRipeStatContractTest} where they exist).
 */
final class Samples {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Samples() {
    }

    /** The text of {@code ripestat/<file>}, e.g. {@code ripestat("looking-glass_140.78.0.0-16.json")}. */
    static String ripestat(String file) {
        String resource = "/ripestat/" + file;
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample as a tree, for tests that read a value from it rather than repeat it. */
    static JsonNode tree(String file) {
        try {
            return MAPPER.readTree(ripestat(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample as a 200 answer of the fake server. */
    static MockResponse ok(String file) {
        return json(ripestat(file));
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }
}
