package net.outageherald.detect;

import java.util.List;
import net.outageherald.model.Prefix;
import net.outageherald.model.Target;

/**
 * A target with its prefixes and presentation. {@code fresh} is false when the source failed and the
 * cached resolution (or none, with no prefixes) is used. {@code refusal} says why a target that resolves to
 * more prefixes than {@code max-prefixes-per-target} is not watched (then it has no prefixes here).
 * {@code signalSource} is set for a country too large for that that is watched through IODA's country signal
 * instead (then it has no prefixes either, and {@link SignalWatch} judges it): which source speaks for it.
 */
public record Resolved(Target target, TargetInfo info, List<Prefix> prefixes, boolean fresh, String refusal,
                       String signalSource) {
    public Resolved {
        prefixes = List.copyOf(prefixes);
    }

    /** A target that is watched prefix by prefix, or refused. */
    public Resolved(Target target, TargetInfo info, List<Prefix> prefixes, boolean fresh, String refusal) {
        this(target, info, prefixes, fresh, refusal, null);
    }

    /** A target that is watched (no refusal). */
    public Resolved(Target target, TargetInfo info, List<Prefix> prefixes, boolean fresh) {
        this(target, info, prefixes, fresh, null, null);
    }

    /** Watched through a country-wide signal rather than its prefixes. */
    public boolean bySignal() {
        return signalSource != null;
    }
}
