package net.outageherald.detect;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import net.outageherald.model.Prefix;
import net.outageherald.model.PrefixState;
import net.outageherald.source.PrefixObservation;
import net.outageherald.source.RoutingSource;
import net.outageherald.source.SourceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A prefix that must stay visible (RIPE NCC's own 193.0.0.0/21 by default): when the looking glass stops
 * showing it, its answers are blank, not the networks dark. RIPEstat has answered empty result sets for every
 * call before (BGPalerter issue #353), with fresh timestamps. Its baseline is learned as any prefix's is, in
 * memory, so "not visible" means what it means for a watched prefix: below {@code dark-enter-fraction} of
 * its usual peers, or never seen by {@code min-baseline-peers}.
 */
public final class Canary {

    private static final Logger LOG = LoggerFactory.getLogger(Canary.class);

    /** What the last look at the canary said. */
    public enum Verdict {
        /** Seen as well as usual: the source answers normally. */
        VISIBLE,
        /** Not seen: the source's answers are blank. */
        NOT_VISIBLE,
        /** The look failed: the source says nothing either way. */
        NO_ANSWER
    }

    private final Prefix prefix;
    private final RoutingSource source;
    private final PrefixTracker tracker;
    private final Clock clock;
    private PrefixState state;
    private Verdict last;
    private Instant lastAt;

    public Canary(Prefix prefix, RoutingSource source, DetectionConfig config, Clock clock) {
        this.prefix = prefix;
        this.source = source;
        this.tracker = new PrefixTracker(config);
        this.clock = clock;
        this.state = PrefixState.fresh(prefix);
    }

    public Prefix prefix() {
        return prefix;
    }

    /** Looks at the canary now: one request to the looking glass. */
    public Verdict look() {
        try {
            return judge(source.observe(prefix));
        } catch (SourceUnavailableException e) {
            return noAnswer();
        } catch (RuntimeException e) { // a bug in reading its answer must not end the round it guards
            LOG.error("looking at the canary {} failed unexpectedly", prefix, e);
            return noAnswer();
        }
    }

    /** What an observation of the canary (made anyway, e.g. in a poll round) says. */
    public synchronized Verdict judge(PrefixObservation look) {
        state = tracker.update(state, look, clock.instant());
        return remember(state.visibility() == PrefixState.Visibility.VISIBLE ? Verdict.VISIBLE : Verdict.NOT_VISIBLE);
    }

    /** The canary could not be looked at. */
    public synchronized Verdict noAnswer() {
        return remember(Verdict.NO_ANSWER);
    }

    /** When it was last looked at, if ever. */
    public synchronized Optional<Instant> lastLook() {
        return Optional.ofNullable(lastAt);
    }

    /** "193.0.0.0/21 (seen by 0 RIS peers, normally 312)", for the operator. */
    public synchronized String describe() {
        return prefix.cidr() + " (seen by " + state.peersNow() + " RIS peers"
                + (state.tracked() ? ", normally " + Math.round(state.baseline()) : "") + ")";
    }

    private Verdict remember(Verdict v) {
        last = v;
        lastAt = clock.instant();
        return v;
    }
}
