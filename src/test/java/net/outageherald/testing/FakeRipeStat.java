package net.outageherald.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A RIPEstat Data API on 127.0.0.1 answering looking-glass, announced-prefixes, as-overview,
 * rir-stats-country and country-resource-list in the shapes of the recorded fixtures, from state a test sets: how many peers see
 * each prefix, and whether the API is failing, and how.
 */
public final class FakeRipeStat implements AutoCloseable {

    /**
     * How the fake misbehaves, if it does. BLANK answers every looking-glass call with no routes at all and fresh
     * timestamps, as RIPEstat once did for every call (BGPalerter issue #353).
     */
    public enum Failure { NONE, HTTP_500, TIMEOUT, INVALID_JSON, ERROR_ENVELOPE, STALE, BLANK }

    /** The service's default canary, which the fake shows to {@link #CANARY_PEERS} peers unless told otherwise. */
    public static final String CANARY = "193.0.0.0/21";
    public static final int CANARY_PEERS = 30;

    private final ObjectMapper json = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final Clock clock;
    private final Map<String, Integer> peers = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> announced = new ConcurrentHashMap<>();
    private final Map<Long, String> holders = new ConcurrentHashMap<>();
    private final Map<Long, String> asCountries = new ConcurrentHashMap<>();
    private final AtomicInteger rirStatsCalls = new AtomicInteger();
    private volatile boolean rirStatsFailing;
    private final Map<String, List<Long>> countryAsns = new ConcurrentHashMap<>();
    private final Map<String, Long> origins = new ConcurrentHashMap<>();
    private final Map<String, List<String>> moreSpecifics = new ConcurrentHashMap<>();
    private final AtomicInteger lookingGlassCalls = new AtomicInteger();
    private final Map<String, AtomicInteger> callsByPrefix = new ConcurrentHashMap<>();
    private volatile Failure failure = Failure.NONE;
    private final Map<String, Failure> failureByPrefix = new ConcurrentHashMap<>();
    /** Prefixes no longer announced, with when they stopped: announced-prefixes ends their timeline there. */
    private final Map<String, Instant> withdrawnAt = new ConcurrentHashMap<>();

    public FakeRipeStat(Clock clock) throws IOException {
        this.clock = clock;
        peers.put(CANARY, CANARY_PEERS);
        origins.put(CANARY, 3333L);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request.getUrl());
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** An AS announcing these prefixes, each seen by {@code peerCount} peers. */
    public FakeRipeStat as(long asn, String holder, int peerCount, String... prefixes) {
        holders.put(asn, holder);
        announced.put(asn, List.of(prefixes));
        for (String p : prefixes) {
            peers.put(p, peerCount);
            origins.put(p, asn);
        }
        return this;
    }

    /**
     * A covering prefix announced only as these more-specifics. routing-status lists those seen by anyone,
     * as RIPEstat's 8-hourly data does once a withdrawal reached a dump.
     */
    public FakeRipeStat covering(String prefix, long asn, int peerCount, String... specifics) {
        moreSpecifics.put(prefix, List.of(specifics));
        for (String p : specifics) {
            peers.put(p, peerCount);
            origins.put(p, asn);
        }
        return this;
    }

    /** The country rir-stats-country gives for the AS; an AS without one is listed with no location. */
    public FakeRipeStat asCountry(long asn, String countryCode) {
        asCountries.put(asn, countryCode);
        return this;
    }

    /** Makes rir-stats-country (only) answer 500, or answer again. */
    public void failRirStats(boolean failing) {
        rirStatsFailing = failing;
    }

    public int rirStatsCalls() {
        return rirStatsCalls.get();
    }

    public FakeRipeStat country(String code, Long... asns) {
        countryAsns.put(code, List.of(asns));
        return this;
    }

    public void seenBy(String prefix, int peerCount) {
        peers.put(prefix, peerCount);
        if (peerCount > 0) {
            withdrawnAt.remove(prefix);
        }
    }

    /**
     * The origin stops announcing these prefixes now: nobody sees them, and announced-prefixes ends their
     * timelines at the last 8-hourly dump that still had them. {@link #seenBy} with peers announces them again.
     */
    public void withdraw(String... prefixes) {
        for (String p : prefixes) {
            peers.put(p, 0);
            withdrawnAt.put(p, now());
        }
    }

    public void fail(Failure how) {
        failure = how;
    }

    /** The looking glass misbehaves for this one prefix only ({@code NONE}: answers it normally again). */
    public void failFor(String prefix, Failure how) {
        if (how == Failure.NONE) {
            failureByPrefix.remove(prefix);
        } else {
            failureByPrefix.put(prefix, how);
        }
    }

    public int lookingGlassCalls() {
        return lookingGlassCalls.get();
    }

    public int lookingGlassCallsFor(String prefix) {
        AtomicInteger n = callsByPrefix.get(prefix);
        return n == null ? 0 : n.get();
    }

    private MockResponse answer(HttpUrl url) {
        String call = url.pathSegments().size() >= 2 ? url.pathSegments().get(1) : "";
        String resource = url.queryParameter("resource");
        if (url.queryParameter("sourceapp") == null) {
            return new MockResponse.Builder().code(400).body("sourceapp missing").build();
        }
        if (call.equals("looking-glass")) {
            lookingGlassCalls.incrementAndGet();
            callsByPrefix.computeIfAbsent(String.valueOf(resource), k -> new AtomicInteger()).incrementAndGet();
            Failure f = failureByPrefix.getOrDefault(String.valueOf(resource), failure);
            switch (f) {
                case HTTP_500 -> {
                    return new MockResponse.Builder().code(500).body("Internal Server Error").build();
                }
                case TIMEOUT -> {
                    return new MockResponse.Builder().headersDelay(30, java.util.concurrent.TimeUnit.SECONDS)
                            .body("{}").build();
                }
                case INVALID_JSON -> {
                    return ok("{\"status\": \"ok\", \"data\": {\"rrcs\": [");
                }
                case ERROR_ENVELOPE -> {
                    return ok("{\"messages\":[[\"error\",\"Backend temporarily unavailable\"]],\"data\":{},"
                            + "\"status\":\"error\",\"status_code\":503,\"time\":\"" + time(now()) + "\"}");
                }
                case BLANK -> {
                    return ok(lookingGlass(resource, false, true));
                }
                default -> {
                    return ok(lookingGlass(resource, f == Failure.STALE, false));
                }
            }
        }
        return switch (call) {
            case "announced-prefixes" -> ok(announcedPrefixes(Long.parseLong(resource.replaceAll("(?i)^AS", ""))));
            case "as-overview" -> ok(envelope("as-overview", json.createObjectNode()
                    .put("type", "as").put("resource", resource.replaceAll("(?i)^AS", ""))
                    .put("holder", holders.getOrDefault(Long.parseLong(resource.replaceAll("(?i)^AS", "")), ""))
                    .put("announced", true)));
            case "country-resource-list" -> ok(countryResourceList(resource.toUpperCase()));
            case "routing-status" -> ok(routingStatus(resource));
            case "rir-stats-country" -> rirStatsCountry(resource);
            default -> new MockResponse.Builder().code(404).body("unknown call " + call).build();
        };
    }

    private String lookingGlass(String prefix, boolean stale, boolean blank) {
        Instant now = now();
        ObjectNode data = json.createObjectNode();
        ArrayNode rrcs = data.putArray("rrcs");
        int n = blank ? 0 : peers.getOrDefault(prefix, 0);
        long origin = origins.getOrDefault(prefix, 64500L);
        for (int rrc = 0; rrc * 10 < n; rrc++) {
            ObjectNode r = rrcs.addObject().put("rrc", String.format("RRC%02d", rrc)).put("location", "Somewhere");
            ArrayNode list = r.putArray("peers");
            for (int i = rrc * 10; i < Math.min(n, rrc * 10 + 10); i++) {
                list.addObject().put("asn_origin", String.valueOf(origin))
                        .put("as_path", (64600 + i) + " 4837 " + origin)
                        .put("community", "").put("largeCommunity", "").put("extendedCommunity", "")
                        .put("last_updated", time(now.minus(Duration.ofDays(3))))
                        .put("prefix", prefix).put("peer", "192.0.2." + (i + 1)).put("origin", "IGP")
                        .put("next_hop", "192.0.2." + (i + 1)).put("latest_time", time(now.minusSeconds(20)));
            }
        }
        data.put("query_time", time(now));
        data.put("latest_time", time(stale ? now.minus(Duration.ofHours(2)) : now.minusSeconds(36)));
        data.putObject("parameters").put("resource", prefix).put("look_back_limit", 3600).putNull("cache");
        return envelope("looking-glass", data);
    }

    private String announcedPrefixes(long asn) {
        Instant dump = dump(now());
        ObjectNode data = json.createObjectNode();
        ArrayNode list = data.putArray("prefixes");
        for (String p : announced.getOrDefault(asn, List.of())) {
            Instant gone = withdrawnAt.get(p);
            Instant end = gone == null ? dump : dump(gone);
            list.addObject().put("prefix", p).putArray("timelines").addObject()
                    .put("starttime", time(dump.minus(Duration.ofDays(14)))).put("endtime", time(end));
        }
        data.put("query_starttime", time(dump.minus(Duration.ofDays(14)))).put("query_endtime", time(dump))
                .put("resource", String.valueOf(asn)).put("latest_time", time(dump))
                .put("earliest_time", "2000-08-01T00:00:00");
        return envelope("announced-prefixes", data);
    }

    private MockResponse rirStatsCountry(String resource) {
        rirStatsCalls.incrementAndGet();
        if (rirStatsFailing) {
            return new MockResponse.Builder().code(500).body("Internal Server Error").build();
        }
        String asn = resource.replaceAll("(?i)^AS", "");
        ObjectNode data = json.createObjectNode();
        String code = asCountries.get(Long.parseLong(asn));
        // RIPEstat lists the resource as asked, with the RIR statistics' country code
        ObjectNode entry = data.putArray("located_resources").addObject().put("resource", asn);
        entry.put("location", code == null ? "" : code);
        String day = time(now().truncatedTo(ChronoUnit.DAYS));
        data.put("result_time", day).put("latest_time", day).put("earliest_time", "2003-01-01T00:00:00");
        data.putObject("parameters").put("resource", resource).put("query_time", day).putNull("cache");
        return ok(envelope("rir-stats-country", data));
    }

    private String routingStatus(String prefix) {
        ObjectNode data = json.createObjectNode();
        data.putArray("origins");
        ArrayNode more = data.putArray("more_specifics");
        for (String p : moreSpecifics.getOrDefault(prefix, List.of())) {
            if (peers.getOrDefault(p, 0) > 0) {
                more.addObject().put("prefix", p).put("origin", String.valueOf(origins.get(p)));
            }
        }
        data.put("resource", prefix).put("query_time", time(now().truncatedTo(ChronoUnit.HOURS)));
        return envelope("routing-status", data);
    }

    private String countryResourceList(String code) {
        ObjectNode data = json.createObjectNode();
        data.put("query_time", time(now().truncatedTo(ChronoUnit.DAYS)));
        ObjectNode res = data.putObject("resources");
        ArrayNode asn = res.putArray("asn");
        countryAsns.getOrDefault(code, List.of()).forEach(a -> asn.add(String.valueOf(a)));
        res.putArray("ipv4");
        res.putArray("ipv6");
        return envelope("country-resource-list", data);
    }

    private String envelope(String call, ObjectNode data) {
        ObjectNode root = json.createObjectNode();
        root.putArray("messages");
        root.putArray("see_also");
        root.put("version", "2.1").put("data_call_name", call).put("data_call_status", "supported")
                .put("cached", false).set("data", data);
        root.put("query_id", "test").put("process_time", 5).put("server_id", "fake").put("build_version", "test")
                .put("pipeline", "1").put("status", "ok").put("status_code", 200).put("time", time(now()));
        return root.toString();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private Instant now() {
        return clock.instant();
    }

    /** The RIB dump a time falls in: RIS dumps at 00:00, 08:00 and 16:00 UTC. */
    private static Instant dump(Instant at) {
        Instant day = at.truncatedTo(ChronoUnit.DAYS);
        return day.plus(Duration.ofHours(Duration.between(day, at).toHours() / 8 * 8));
    }

    /** RIPEstat writes UTC times without a zone. */
    private static String time(Instant at) {
        return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC).toString();
    }

    /** How many requests of any kind it answered. */
    public int requestCount() {
        return server.getRequestCount();
    }

    /** Requests seen so far, for assertions on parameters. */
    public List<String> takeRequestPaths(int max) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            RecordedRequest r = server.takeRequest(10, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (r == null) {
                break;
            }
            out.add(r.getUrl().toString());
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
