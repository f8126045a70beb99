package net.outageherald.config;

import java.util.List;

/**
 * The config cannot be used. It carries every problem found, each prefixed with its path
 * ({@code detection.poll-interval: '5x' is not a duration; use e.g. 30s, 5m, 2h}), so the operator can
 * fix them all in one go; {@link #getMessage()} has one problem per line.
 */
public class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", requireSome(problems)));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found: values while binding, then unknown keys. */
    public List<String> problems() {
        return problems;
    }

    private static List<String> requireSome(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        return problems;
    }
}
