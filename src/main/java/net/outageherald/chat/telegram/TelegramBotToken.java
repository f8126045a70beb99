package net.outageherald.chat.telegram;

import java.util.Objects;

/**
 * The Telegram bot token. It prints as {@code ***}; only {@link #reveal()} gives the value, for the one
 * place that hands it to telegrambots. The token is part of every Bot API URL, so anything that might
 * echo a URL is passed through {@link #redact(String)} before it reaches a log or the outbox.
 */
public final class TelegramBotToken {

    private static final String MASK = "***";

    private final String value;

    public TelegramBotToken(String value) {
        Objects.requireNonNull(value, "value");
        String v = value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("the Telegram bot token is empty");
        }
        if (v.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
            // never echo the value: it may be a real token pasted with a typo
            throw new IllegalArgumentException("the Telegram bot token contains spaces or '/': check how it was copied");
        }
        this.value = v;
    }

    /** The token itself: pass it straight to telegrambots, never to a log. */
    public String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of the token replaced by {@code ***} (null stays null). */
    public String redact(String text) {
        return text == null ? null : text.replace(value, MASK);
    }

    /** The token's public half (the bot id before the colon), safe to log: "bot 123456". */
    public String botId() {
        int colon = value.indexOf(':');
        return colon > 0 && value.substring(0, colon).chars().allMatch(Character::isDigit) ? value.substring(0, colon) : "?";
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TelegramBotToken other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
