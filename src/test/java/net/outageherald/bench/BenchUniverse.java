package net.outageherald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replay's model as the benchmark needs it: the monitored prefixes and the outage plan as
 * {@code rislive-replay.js --write-prefixes} writes them, and the RIS peers with each prefix's origin and
 * upstreams as {@code bench/rislive-universe.js} reads them out of the replay's own model.
 */
record BenchUniverse(List<String> prefixes, Map<String, Monitored> monitored, List<Peer> peers,
                     Map<String, Double> outageAt, List<List<String>> outages,
                     Map<String, Map<String, Long>> withdrawals) {

    record Peer(String collector, String ip, long asn, int afi) {
    }

    record Monitored(long origin, List<Long> upstreams, int afi) {
    }

    /** The plan alone (prefixes and outages), for a benchmark whose looking glass runs elsewhere. */
    static BenchUniverse readPlan(Path monitoredFile) throws IOException {
        JsonNode m = new ObjectMapper().readTree(monitoredFile.toFile());
        List<String> prefixes = new ArrayList<>();
        m.path("monitored").forEach(p -> prefixes.add(p.path("prefix").asText()));
        Map<String, Double> at = new LinkedHashMap<>();
        List<List<String>> outages = new ArrayList<>();
        for (JsonNode ev : m.path("outages")) {
            List<String> list = new ArrayList<>();
            ev.path("prefixes").forEach(p -> {
                list.add(p.asText());
                at.put(p.asText(), ev.path("at_s").asDouble());
            });
            outages.add(list);
        }
        return new BenchUniverse(List.copyOf(prefixes), Map.of(), List.of(), at, outages, Map.of());
    }

    static BenchUniverse read(Path monitoredFile, Path universeFile) throws IOException {
        BenchUniverse plan = readPlan(monitoredFile);
        JsonNode u = new ObjectMapper().readTree(universeFile.toFile());
        Map<String, Monitored> monitored = new LinkedHashMap<>();
        for (String p : plan.prefixes()) {
            JsonNode e = u.path("monitored").path(p);
            if (e.isMissingNode()) {
                throw new IllegalArgumentException(p + " of " + monitoredFile + " is not in " + universeFile
                        + ": run rislive-universe.js with the replay's universe options");
            }
            List<Long> ups = new ArrayList<>();
            e.path("upstreams").forEach(a -> ups.add(a.asLong()));
            monitored.put(p, new Monitored(e.path("origin").asLong(), ups, e.path("afi").asInt()));
        }
        List<Peer> peers = new ArrayList<>();
        u.path("peers").forEach(p -> peers.add(new Peer(p.path("collector").asText(), p.path("ip").asText(),
                p.path("asn").asLong(), p.path("afi").asInt())));
        // per outage prefix, when each peer ("rrc00 192.0.2.1") withdraws it, in ms after the stream's start
        Map<String, Map<String, Long>> withdrawals = new LinkedHashMap<>();
        u.path("withdrawals").fields().forEachRemaining(e -> {
            Map<String, Long> byPeer = new java.util.HashMap<>();
            e.getValue().fields().forEachRemaining(w -> byPeer.put(w.getKey(), w.getValue().asLong()));
            withdrawals.put(e.getKey(), byPeer);
        });
        return new BenchUniverse(plan.prefixes(), monitored, List.copyOf(peers), plan.outageAt(), plan.outages(),
                withdrawals);
    }
}
