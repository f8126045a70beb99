package net.outageherald.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password or token from the config. It prints as {@code ***} wherever it lands (records'
 * {@code toString}, logs, exception messages); only {@link #reveal()} gives the value, so a call to it
 * marks the one place where the secret is handed to the library that needs it.
 */
public final class Secret {

    private static final String MASK = "***";

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret itself; pass it straight to the client that needs it, never to a log. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }

    /** Equal by value, compared in constant time so equality checks do not leak timing. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
