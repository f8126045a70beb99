package net.outageherald.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * An IODA API v2 on 127.0.0.1 answering {@code /signals/raw/{type}/{codes}} in the documented shape (one array
 * per entity, IODA's native bins), from levels a test sets over time: {@link #level} changes a signal of an entity
 * from the clock's now on. It can fail (HTTP 500), or lag: no bins newer than {@link #lagBy}. Every request is
 * recorded, so a test can count IODA's cost.
 */
public final class FakeIoda implements AutoCloseable {

    public static final String COPYRIGHT =
            "This data is Copyright (c) 2021-2025 Georgia Tech Research Corporation. All Rights Reserved.";

    private final ObjectMapper json = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private volatile Clock clock;
    /** "country/US bgp" → from when, which value (null: no data). */
    private final Map<String, NavigableMap<Instant, Double>> levels = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean failing;
    private volatile Duration lag = Duration.ZERO;

    public FakeIoda(Clock clock) throws IOException {
        this.clock = clock;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request.getUrl());
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** On the system clock until {@link #clock(Clock)}: a harness that makes its own clock needs the URL first. */
    public FakeIoda() throws IOException {
        this(Clock.systemUTC());
    }

    /** From now on the fake's "now" is {@code clock}'s. */
    public void clock(Clock clock) {
        this.clock = clock;
    }

    /** The API base, as {@code ioda.url} or {@code HERALD_IODA_URL} take it. */
    public String baseUrl() {
        return server.url("/v2").toString();
    }

    /** The signal's usual level, since long before any test window. */
    public FakeIoda usual(String entity, String datasource, double value) {
        series(entity, datasource).put(Instant.EPOCH, value);
        return this;
    }

    /** From the clock's now on, the signal reads {@code value} (null: IODA has no data for those bins). */
    public void level(String entity, String datasource, Double value) {
        series(entity, datasource).put(clock.instant(), value == null ? Double.NaN : value);
    }

    /** Every call answers HTTP 500 while true. */
    public void failing(boolean on) {
        failing = on;
    }

    /** IODA is this far behind: bins that end later than now minus this are not in its answers. */
    public void lagBy(Duration behind) {
        lag = behind;
    }

    /** Paths and queries asked so far, oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private NavigableMap<Instant, Double> series(String entity, String datasource) {
        return levels.computeIfAbsent(entity + " " + datasource, k -> new ConcurrentSkipListMap<>());
    }

    private MockResponse answer(HttpUrl url) {
        requests.add(url.encodedPath() + "?" + url.encodedQuery());
        if (failing) {
            return new MockResponse.Builder().code(500).body("{\"error\":\"internal error\"}").build();
        }
        List<String> path = url.pathSegments();
        if (path.size() != 5 || !path.get(1).equals("signals") || !path.get(2).equals("raw")) {
            return new MockResponse.Builder().code(404).body("{\"error\":\"no such route\"}").build();
        }
        String type = path.get(3);
        String datasource = url.queryParameter("datasource");
        long from = Long.parseLong(url.queryParameter("from"));
        long until = Long.parseLong(url.queryParameter("until"));
        long step = datasource.equals("ping-slash24") ? 600 : 300;
        long newestEnd = clock.instant().minus(lag).getEpochSecond();
        ObjectNode root = json.createObjectNode().put("type", "signals").putNull("error");
        ArrayNode data = root.putArray("data");
        for (String code : path.get(4).split(",")) {
            ObjectNode s = data.addArray().addObject();
            long first = from - Math.floorMod(from, step);
            s.put("entityType", type).put("entityCode", code).put("entityName", code)
                    .put("datasource", datasource).put("subtype", "").put("from", first).put("until", until)
                    .put("step", step).put("nativeStep", step);
            ArrayNode values = s.putArray("values");
            NavigableMap<Instant, Double> levels = this.levels.get(type + "/" + code + " " + datasource);
            for (long t = first; t < until; t += step) {
                Map.Entry<Instant, Double> e = levels == null ? null : levels.floorEntry(Instant.ofEpochSecond(t));
                if (e == null || e.getValue().isNaN() || t + step > newestEnd + step) {
                    values.addNull();
                } else {
                    values.add(e.getValue());
                }
            }
        }
        root.put("copyright", COPYRIGHT);
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(root.toString()).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
