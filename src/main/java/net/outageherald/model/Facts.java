package net.outageherald.model;

import java.util.List;

/**
 * The evidence behind an event, enough to write a good message.
 *
 * @param prefixesAffected  the dark prefixes (all of them, renderers shorten long lists)
 * @param prefixesTotal     prefixes of the target we judge (those with a baseline)
 * @param v4Affected        IPv4 addresses in the dark prefixes
 * @param v6Slash48Affected IPv6 /48s in the dark prefixes
 * @param darkShare         share of the target's address space that is dark (0..1, IPv4 and IPv6 as halves);
 *                          0 when not measured
 * @param peersNow          RIS peers seeing the target's best-seen prefix now
 * @param peersNormally     the baseline of that count
 * @param upstreams         ASes seen next to the origin before the outage
 * @param evidenceUrl       a RIPEstat page to check for oneself
 * @param reason            for monitoring events: why there is no data
 * @param prefixesWithdrawn for a restoration: the dark prefixes of the outage that the target stopped announcing
 *                          (no longer watched); empty when everything came back
 * @param source            which source spoke, when it is not our own prefix-level watch (a country too large for
 *                          it, watched through IODA's BGP signal): "IODA BGP signal, prefix-level watch not used
 *                          for countries over 1,000 prefixes"; null for our own
 */
public record Facts(List<String> prefixesAffected, int prefixesTotal, long v4Affected, long v6Slash48Affected,
                    double darkShare, int peersNow, int peersNormally, List<Long> upstreams, String evidenceUrl,
                    String reason, List<String> prefixesWithdrawn, String source) {

    public Facts {
        // events stored before a field existed read it back as null
        prefixesAffected = prefixesAffected == null ? List.of() : List.copyOf(prefixesAffected);
        upstreams = upstreams == null ? List.of() : List.copyOf(upstreams);
        prefixesWithdrawn = prefixesWithdrawn == null ? List.of() : List.copyOf(prefixesWithdrawn);
    }

    /** Facts of our own prefix-level watch. */
    public Facts(List<String> prefixesAffected, int prefixesTotal, long v4Affected, long v6Slash48Affected,
                 double darkShare, int peersNow, int peersNormally, List<Long> upstreams, String evidenceUrl,
                 String reason, List<String> prefixesWithdrawn) {
        this(prefixesAffected, prefixesTotal, v4Affected, v6Slash48Affected, darkShare, peersNow, peersNormally,
                upstreams, evidenceUrl, reason, prefixesWithdrawn, null);
    }

    /** Facts without the dark share (it reads as 0: not measured) and nothing withdrawn. */
    public Facts(List<String> prefixesAffected, int prefixesTotal, long v4Affected, long v6Slash48Affected,
                 int peersNow, int peersNormally, List<Long> upstreams, String evidenceUrl, String reason) {
        this(prefixesAffected, prefixesTotal, v4Affected, v6Slash48Affected, 0, peersNow, peersNormally, upstreams,
                evidenceUrl, reason, List.of());
    }

    /** The same facts, for a restoration in which these prefixes were withdrawn rather than back. */
    public Facts withWithdrawn(List<String> withdrawn) {
        return new Facts(prefixesAffected, prefixesTotal, v4Affected, v6Slash48Affected, darkShare, peersNow,
                peersNormally, upstreams, evidenceUrl, reason, withdrawn, source);
    }

    /** Whether another source than our prefix-level watch spoke. */
    public boolean bySignal() {
        return source != null;
    }

    public static Facts none(String reason) {
        return new Facts(List.of(), 0, 0, 0, 0, 0, List.of(), null, reason);
    }
}
