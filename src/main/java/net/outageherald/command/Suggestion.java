package net.outageherald.command;

import java.util.Objects;

/**
 * One autocomplete choice: what is shown ("North Korea (KP)", "AS131279 STAR-KP") and what the command is
 * then given, which the target parser always reads ("KP", "AS131279").
 */
public record Suggestion(String label, String value) {
    public Suggestion {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
