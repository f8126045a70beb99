package net.outageherald.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.outageherald.model.Prefix;
import net.outageherald.model.Target;
import net.outageherald.source.rislive.CaptureReader;
import net.outageherald.source.rislive.RisMessage;
import net.outageherald.source.rislive.RouteUpdate;

/**
 * What a replay learns from a first pass over its capture: which AS originates each prefix (so that
 * {@code --watch AS13335} needs no RIPEstat), the time span, and the routes each peer must have carried at
 * the start: a peer whose first word on a prefix is a withdrawal had a route to it before the capture.
 */
final class CaptureIndex {

    /** A route held at the start of the capture. */
    record Held(String collector, String peer, Prefix prefix) {
    }

    final Map<Prefix, Set<Long>> origins = new HashMap<>();
    final List<Held> heldAtStart = new ArrayList<>();
    Instant first;
    Instant last;
    long messages;
    long withdrawals;

    static CaptureIndex of(Path capture) throws IOException {
        CaptureIndex index = new CaptureIndex();
        Set<String> spoken = new HashSet<>();
        try (CaptureReader reader = CaptureReader.open(capture)) {
            for (RisMessage m; (m = reader.read()) != null; ) {
                index.messages++;
                index.first = index.first == null ? m.timestamp() : index.first;
                index.last = m.timestamp();
                if (m instanceof RouteUpdate u) {
                    index.withdrawals += u.withdrawn().size();
                    for (Prefix p : u.withdrawn()) {
                        if (spoken.add(u.collector() + ' ' + u.peer() + ' ' + p)) {
                            index.heldAtStart.add(new Held(u.collector(), u.peer(), p));
                        }
                    }
                    for (Prefix p : u.announced()) {
                        spoken.add(u.collector() + ' ' + u.peer() + ' ' + p);
                        if (u.originAsn() != RouteUpdate.NO_ASN) {
                            index.origins.computeIfAbsent(p, k -> new HashSet<>(2)).add(u.originAsn());
                        }
                    }
                }
            }
        }
        return index;
    }

    /** The capture's prefixes a target stands for: an AS's originated ones, a prefix and its more-specifics. */
    List<Prefix> prefixesOf(Target target) {
        Set<Prefix> out = new TreeSet<>();
        Set<Prefix> known = new HashSet<>(origins.keySet());
        heldAtStart.forEach(h -> known.add(h.prefix()));
        for (Prefix p : known) {
            if (target instanceof Target.As as && origins.getOrDefault(p, Set.of()).contains(as.asn())) {
                out.add(p);
            } else if (target instanceof Target.Net net && net.prefix().contains(p)) {
                out.add(p);
            }
        }
        return new ArrayList<>(out);
    }
}
