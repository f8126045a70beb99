package net.outageherald.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What we know about one prefix across polls.
 *
 * @param prefix     the prefix
 * @param visibility NEW until a baseline is learned, then VISIBLE or DARK
 * @param baseline   how many peers normally see it (0 while NEW)
 * @param peersNow   peers seeing it at the last observation
 * @param upstreams  upstreams from the last observation in which it was visible (kept while dark)
 * @param observedAt time of the last observation's data
 * @param darkSince  when it went dark, or null
 */
public record PrefixState(Prefix prefix, Visibility visibility, double baseline, int peersNow, Set<Long> upstreams,
                          Instant observedAt, Instant darkSince) {

    /** The hysteresis states of a prefix. */
    public enum Visibility { NEW, VISIBLE, DARK }

    public PrefixState {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(visibility, "visibility");
        upstreams = Set.copyOf(upstreams);
    }

    public static PrefixState fresh(Prefix prefix) {
        return new PrefixState(prefix, Visibility.NEW, 0, 0, Set.of(), null, null);
    }

    public boolean tracked() {
        return visibility != Visibility.NEW;
    }

    public boolean dark() {
        return visibility == Visibility.DARK;
    }
}
