package net.outageherald.model;

/** What we say about a target. UNKNOWN means we cannot tell, never that it is down. */
public enum Status {
    UP("🟢", "online"),
    PARTIAL("🟠", "partly offline"),
    DOWN("🔴", "offline"),
    UNKNOWN("⚪", "unknown");

    private final String emoji;
    private final String words;

    Status(String emoji, String words) {
        this.emoji = emoji;
        this.words = words;
    }

    public String emoji() {
        return emoji;
    }

    public String words() {
        return words;
    }

    public boolean isOutage() {
        return this == PARTIAL || this == DOWN;
    }
}
