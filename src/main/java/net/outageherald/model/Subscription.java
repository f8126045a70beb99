package net.outageherald.model;

import java.time.Instant;

/**
 * A destination following a target. Static ones come from the config and are re-synced at start;
 * dynamic ones are made by chat commands.
 */
public record Subscription(Destination destination, String targetKey, boolean isStatic, Instant since) {
}
