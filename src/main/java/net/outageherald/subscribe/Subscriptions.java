package net.outageherald.subscribe;

import java.time.Instant;
import java.util.List;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.Status;
import net.outageherald.model.Subscription;
import net.outageherald.model.Target;

/** The one service through which subscriptions are made, ended and listed. */
public interface Subscriptions {

    /** The outcome of a subscribe. {@code ongoing} is set when the target is in an outage right now. */
    public record Result(Outcome outcome, int count, int limit, Ongoing ongoing) {
    }

    /** What subscribe did. */
    public enum Outcome { ADDED, ALREADY, LIMIT_REACHED }

    /** An outage in progress when someone subscribed: they count as told, so they get its restoration. */
    public record Ongoing(long outageId, Status severity, Instant since) {
    }

    public Result subscribe(Destination destination, Target target);

    /** @return false if there was nothing to remove */
    boolean unsubscribe(Destination destination, Target target);

    public List<Subscription> of(Destination destination);

    public List<Subscription> byPlatform(Platform platform);

    /**
     * A destination is gone for good (bot removed, chat or channel deleted): ends its dynamic subscriptions,
     * what it was told and its pending messages, logged once with the reason. Subscriptions from the config
     * stay: only the operator takes those away.
     *
     * @return how many dynamic subscriptions ended
     */
    int endAll(Destination destination, String reason);

    /** Moves a destination's subscriptions and notification log to a new id (Telegram group migration). */
    int move(Destination from, Destination to);
}
