package net.outageherald.detect;

import java.time.Instant;
import net.outageherald.model.PrefixState.Visibility;
import net.outageherald.model.PrefixState;
import net.outageherald.source.PrefixObservation;

/**
 * Moves one prefix between NEW, VISIBLE and DARK. Two thresholds, relative to the learned baseline, keep
 * a prefix near the edge from flapping: it goes dark below {@code dark-enter-fraction} of its baseline
 * and is visible again only at {@code dark-leave-fraction}.
 */
public final class PrefixTracker {

    private final DetectionConfig config;

    public PrefixTracker(DetectionConfig config) {
        this.config = config;
    }

    /**
     * @param now the round's time on our clock; the data's own time is checked for lag by the source, and
     *            durations are measured on one clock only
     */
    public PrefixState update(PrefixState before, PrefixObservation obs, Instant now) {
        int peers = obs.peersSeeing();
        var upstreams = obs.upstreams().isEmpty() ? before.upstreams() : obs.upstreams();
        if (obs.absentPeers() > 0 && before.visibility() != Visibility.NEW) {
            return withoutAbsentPeers(before, obs, peers, upstreams, now);
        }
        switch (before.visibility()) {
            case NEW -> {
                // A prefix we have never seen well enough has no baseline: it cannot be called dark.
                if (peers >= config.minBaselinePeers()) {
                    return new PrefixState(before.prefix(), Visibility.VISIBLE, peers, peers, upstreams, now, null);
                }
                return new PrefixState(before.prefix(), Visibility.NEW, 0, peers, before.upstreams(), now, null);
            }
            case VISIBLE -> {
                if (peers < config.darkEnterFraction() * before.baseline()) {
                    return new PrefixState(before.prefix(), Visibility.DARK, before.baseline(), peers,
                            before.upstreams(), now, darkSince(before, obs, now));
                }
                return new PrefixState(before.prefix(), Visibility.VISIBLE, learn(before.baseline(), peers), peers,
                        upstreams, now, null);
            }
            case DARK -> {
                if (peers >= config.darkLeaveFraction() * before.baseline()) {
                    return new PrefixState(before.prefix(), Visibility.VISIBLE, learn(before.baseline(), peers), peers,
                            upstreams, now, null);
                }
                // while dark the baseline stays as it was: an outage must not teach us that dark is normal
                return new PrefixState(before.prefix(), Visibility.DARK, before.baseline(), peers, before.upstreams(),
                        now, before.darkSince());
            }
            default -> throw new IllegalStateException(before.visibility().name());
        }
    }

    /**
     * When a prefix that goes dark now went dark: when the stream's word that moved its picture came, if that
     * was after the last time it was seen visible and not after now; otherwise now (a look, or no such word).
     */
    private static Instant darkSince(PrefixState before, PrefixObservation obs, Instant now) {
        Instant moved = obs.movedAt();
        if (moved == null || moved.isAfter(now) || (before.observedAt() != null && !moved.isAfter(before.observedAt()))) {
            return now;
        }
        return moved;
    }

    /**
     * Some peers that carried the prefix lost their own session with RIS: they are out of the baseline for
     * now, and nothing is learned from a picture with holes that are RIS's own. When so few peers are left
     * that the rest of the baseline is too thin to judge, the prefix keeps its state.
     */
    private PrefixState withoutAbsentPeers(PrefixState before, PrefixObservation obs, int peers,
                                           java.util.Set<Long> upstreams, Instant now) {
        double baseline = before.baseline() - obs.absentPeers();
        if (baseline < config.minBaselinePeers()) {
            return new PrefixState(before.prefix(), before.visibility(), before.baseline(), peers,
                    before.upstreams(), now, before.darkSince());
        }
        boolean dark = before.dark() ? peers < config.darkLeaveFraction() * baseline
                : peers < config.darkEnterFraction() * baseline;
        if (dark) {
            return new PrefixState(before.prefix(), Visibility.DARK, before.baseline(), peers, before.upstreams(),
                    now, before.dark() ? before.darkSince() : darkSince(before, obs, now));
        }
        return new PrefixState(before.prefix(), Visibility.VISIBLE, before.baseline(), peers, upstreams, now, null);
    }

    /** Learns only from healthy observations; falls slowly and rises quickly, so a slow fade still shows. */
    private double learn(double baseline, int peers) {
        if (peers < config.darkLeaveFraction() * baseline) {
            return baseline;
        }
        double alpha = peers >= baseline ? config.baselineAlpha() : config.baselineAlpha() / 4;
        return baseline + alpha * (peers - baseline);
    }
}
