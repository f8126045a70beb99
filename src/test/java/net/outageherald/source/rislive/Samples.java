package net.outageherald.source.rislive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Our own RIS Live frames in {@code src/test/resources/rislive/}, written in the documented shapes. */
final class Samples {

    private Samples() {
    }

    static String read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/rislive/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample rislive/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
