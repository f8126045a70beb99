package net.outageherald.model;

import java.util.Locale;

/** A chat platform (or the console) that messages can be delivered to. */
public enum Platform {
    CONSOLE, TELEGRAM, DISCORD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
