package net.outageherald.model;

import java.util.Objects;

/**
 * Where messages go: a Discord channel id, a Telegram chat id (or {@code @channel}), or the console.
 * {@code key()} ("telegram:-1001234") is how the database stores it.
 */
public record Destination(Platform platform, String id) {

    public Destination {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("destination id is empty");
        }
    }

    public static Destination console() {
        return new Destination(Platform.CONSOLE, "stdout");
    }

    public String key() {
        return platform.id() + ":" + id;
    }

    public static Destination parseKey(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a destination key: " + key);
        }
        return new Destination(Platform.fromId(key.substring(0, colon)), key.substring(colon + 1));
    }

    @Override
    public String toString() {
        return key();
    }
}
