package net.outageherald.source.ripestat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;

/** Recorded RIPEstat answers from the shared fixtures directory (system property {@code herald.fixtures}). */
final class Fixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    static String text(String name) {
        String dir = System.getProperty("herald.fixtures");
        if (dir == null) {
            throw new IllegalStateException("system property herald.fixtures is not set (run through Maven)");
        }
        try {
            return Files.readString(Path.of(dir, name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as a tree, for tests to compute what they expect independently of the code under test. */
    static JsonNode tree(String name) {
        try {
            return MAPPER.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse ok(String name) {
        return json(text(name));
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }
}
