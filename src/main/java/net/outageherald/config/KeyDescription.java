package net.outageherald.config;

/**
 * One config key as the binders declare it, for reference docs and the tests that keep them complete:
 * its path ({@code detection.poll-interval}, or {@code telegram.subscriptions[].chat} inside a list),
 * its default as written in YAML ({@code ""} when there is none, {@code (required)} when it must be
 * given), and the environment variable that overrides it, or {@code null}.
 */
public record KeyDescription(String path, String defaultValue, String envVar) {
}
