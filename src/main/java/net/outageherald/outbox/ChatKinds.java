package net.outageherald.outbox;

import net.outageherald.model.Destination;

/**
 * Tells a platform's group destinations, which have a rate limit of their own ({@code per-group}), from
 * its other chats ({@code per-chat}). Only the platform's package knows what its ids look like, so the
 * application hands each {@link RateLimiter} its platform's kinds and the outbox just asks.
 */
@FunctionalInterface
public interface ChatKinds {

    /** For platforms whose destinations all share one limit: Discord's channels, the console. */
    ChatKinds NO_GROUPS = destination -> false;

    /** Whether messages to {@code destination} count against the group rate rather than the chat rate. */
    boolean isGroup(Destination destination);
}
