package net.outageherald.source.ripestat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import net.outageherald.model.Prefix;
import net.outageherald.source.PrefixObservation;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.SourceUnavailableException.Reason;

/**
 * Turns the {@code data} of a looking-glass answer into a {@link PrefixObservation} of exactly the asked prefix.
 *
 * <p>When in doubt it refuses ({@link Reason#MALFORMED}) rather than guess: a missing {@code rrcs} or an entry
 * without {@code peer} read as "nobody sees it" would be a false outage, the worst thing we can send.
 */
final class LookingGlassReader {

    private static final String CALL = RipeStatClient.LOOKING_GLASS;

    private LookingGlassReader() {
    }

    static PrefixObservation read(Prefix asked, JsonNode data, Duration maxDataLag) throws SourceUnavailableException {
        Instant latest = time(data, "latest_time");
        Instant queried = time(data, "query_time");
        // compare RIPEstat with itself: our own clock may be off, and lag is what the data says about itself
        Duration lag = Duration.between(latest, queried);
        if (lag.compareTo(maxDataLag) > 0) {
            throw new SourceUnavailableException(CALL, Reason.STALE, "data for " + asked + " is " + lag
                    + " behind its query time (latest_time " + latest + ", query_time " + queried + ")");
        }
        JsonNode rrcs = data.get("rrcs");
        if (rrcs == null || !rrcs.isArray()) {
            throw malformed("no rrcs array for " + asked);
        }
        Set<String> peers = new LinkedHashSet<>();
        Set<String> collectors = new HashSet<>();
        Set<Long> origins = new HashSet<>();
        Set<Long> upstreams = new HashSet<>();
        for (JsonNode rrc : rrcs) {
            String collector = RipeStatJson.text(rrc, "rrc");
            JsonNode entries = rrc.get("peers");
            if (collector == null || entries == null || !entries.isArray()) {
                throw malformed("collector entry without rrc name or peers array: " + rrc);
            }
            for (JsonNode entry : entries) {
                if (!exactly(asked, entry)) {
                    continue; // a less- or more-specific the looking glass added: not our prefix
                }
                String peer = RipeStatJson.text(entry, "peer");
                if (peer == null || peer.isBlank()) {
                    throw malformed("route entry without peer at " + collector);
                }
                peers.add(collector.trim() + " " + peer.trim());
                collectors.add(collector.trim());
                readPath(entry, origins, upstreams);
            }
        }
        return new PrefixObservation(asked, latest, peers, collectors.size(), origins, upstreams);
    }

    private static boolean exactly(Prefix asked, JsonNode entry) throws SourceUnavailableException {
        String prefix = RipeStatJson.text(entry, "prefix");
        if (prefix == null) {
            throw malformed("route entry without prefix");
        }
        try {
            return Prefix.parse(prefix).equals(asked);
        } catch (IllegalArgumentException e) {
            throw malformed("route entry with a bad prefix: " + e.getMessage());
        }
    }

    /** Origin from asn_origin (or the path's end); upstream = the last AS before it, skipping prepends. */
    private static void readPath(JsonNode entry, Set<Long> origins, Set<Long> upstreams) {
        List<Long> path = asPath(RipeStatJson.text(entry, "as_path"));
        OptionalLong origin = RipeStatJson.asn(entry.get("asn_origin"));
        if (origin.isEmpty() && !path.isEmpty()) {
            origin = OptionalLong.of(path.get(path.size() - 1));
        }
        if (origin.isEmpty()) {
            return;
        }
        origins.add(origin.getAsLong());
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i) != origin.getAsLong()) {
                upstreams.add(path.get(i));
                return;
            }
        }
    }

    /** "34854 6939 1853 1853 1205" as numbers; AS_SETs like {@code {64512,64513}} say nothing of one neighbour. */
    static List<Long> asPath(String text) {
        List<Long> path = new ArrayList<>();
        if (text == null) {
            return path;
        }
        for (String token : text.replaceAll("\\{[^}]*}", " ").trim().split("\\s+")) {
            RipeStatJson.asn(token).ifPresent(path::add);
        }
        return path;
    }

    private static Instant time(JsonNode data, String field) throws SourceUnavailableException {
        String text = RipeStatJson.text(data, field);
        if (text == null) {
            throw malformed("no " + field);
        }
        try {
            return RipeStatJson.time(text);
        } catch (DateTimeParseException e) {
            throw malformed(field + " is not a time: " + text);
        }
    }

    private static SourceUnavailableException malformed(String detail) {
        return new SourceUnavailableException(CALL, Reason.MALFORMED, detail);
    }
}
