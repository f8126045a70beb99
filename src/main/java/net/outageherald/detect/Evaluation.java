package net.outageherald.detect;

import java.util.List;
import net.outageherald.model.PrefixState;
import net.outageherald.model.Status;

/**
 * The status one round of observations suggests for a target, before confirmation.
 *
 * @param status         UP, PARTIAL or DOWN; UNKNOWN when the round cannot be judged
 * @param darkShare      share of the address space that is dark (0..1), families weighed equally
 * @param dark           the dark prefixes, states included
 * @param judged         prefixes with a baseline that were observed this round
 * @param peersNow       peers seeing the best-seen prefix now
 * @param peersNormally  baseline of that prefix
 * @param upstreams      upstreams seen for the target's prefixes (before any went dark)
 * @param reason         why it cannot be judged, when UNKNOWN
 */
public record Evaluation(Status status, double darkShare, List<PrefixState> dark, int judged, int peersNow,
                         int peersNormally, List<Long> upstreams, String reason) {

    public Evaluation {
        dark = List.copyOf(dark);
        upstreams = List.copyOf(upstreams);
    }

    public static Evaluation unknown(String reason) {
        return new Evaluation(Status.UNKNOWN, 0, List.of(), 0, 0, 0, List.of(), reason);
    }
}
