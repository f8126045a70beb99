package net.outageherald.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import net.outageherald.source.ripestat.RipeStatConfig;

/**
 * RIPEstat's {@code looking-glass} and {@code routing-status} for the replay's universe, on 127.0.0.1, so the
 * routing table is seeded with exactly the peers the stream then moves. It tells the truth about the
 * replay's outages too: a look whose data time ({@code latest_time}, {@code lag} behind now) leaves out every
 * peer whose withdrawal the replay's outage plan had sent by then, so a prefix looked at again after a gap in
 * the stream is judged on what really happened. Everything else is a 404, except the harness's own
 * {@code /bench/stats} and {@code /bench/stream-started?at=MS} when it runs as a process of its own
 * ({@link #main}, which {@link RemoteLookingGlass} talks to).
 */
final class FakeLookingGlass implements BenchLookingGlass {

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /**
     * RIPE NCC's own prefix, which Herald looks at before it takes an answer that darkens a prefix (the
     * default {@code ripestat.canary}): as RIPEstat would, every IPv4 peer of the model carries it. Without it
     * the answer is a 404, and no outage seen by the looking glass alone (after the stream lost data) is
     * taken.
     */
    static final String CANARY = RipeStatConfig.DEFAULT_CANARY.cidr();
    private static final BenchUniverse.Monitored CANARY_ROUTE = new BenchUniverse.Monitored(3333, List.of(1299L), 4);

    private final BenchUniverse universe;
    private final Duration lag;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bench-lg");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final AtomicLong lookingGlassCalls = new AtomicLong();
    private final AtomicLong routingStatusCalls = new AtomicLong();
    /** The peers' entries per address family and collector, written once: most of every answer. */
    private final Map<Integer, Map<String, List<BenchUniverse.Peer>>> byCollector = new HashMap<>();
    private volatile Instant streamStart;

    FakeLookingGlass(BenchUniverse universe, Duration lag) throws IOException {
        this.universe = universe;
        this.lag = lag;
        for (BenchUniverse.Peer p : universe.peers()) {
            byCollector.computeIfAbsent(p.afi(), k -> new java.util.TreeMap<>())
                    .computeIfAbsent(p.collector().toUpperCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>())
                    .add(p);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Serves until killed: {@code --monitored F --universe F [--lg-lag 30s] --url-file F} (its base URL is
     * written there once it listens).
     */
    public static void main(String[] args) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // no 40 ms wait for delayed ACKs
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!o.containsKey("monitored") || !o.containsKey("universe") || !o.containsKey("url-file")) {
            System.err.println("usage: FakeLookingGlass --monitored monitored.json --universe universe.json"
                    + " [--lg-lag 30s] --url-file F");
            System.exit(2);
        }
        BenchUniverse u = BenchUniverse.read(Path.of(o.get("monitored")), Path.of(o.get("universe")));
        FakeLookingGlass lg = new FakeLookingGlass(u, lag(o.getOrDefault("lg-lag", "30s")));
        Path urlFile = Path.of(o.get("url-file"));
        Path partial = urlFile.resolveSibling(urlFile.getFileName() + ".tmp");
        Files.writeString(partial, lg.baseUrl() + "\n");
        Files.move(partial, urlFile, StandardCopyOption.ATOMIC_MOVE); // the script never reads half a URL
        System.err.printf("fake looking glass for %,d prefixes at %s%n", u.prefixes().size(), lg.baseUrl());
    }

    /** {@code 30s}, {@code 2m}, {@code 1.5s}: how the benchmarks' options write the look's lag. */
    static Duration lag(String text) {
        return Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void streamStarted(Instant at) {
        if (streamStart == null) {
            streamStart = at;
        }
    }

    @Override
    public int prefixesAnswered() {
        return answered.size();
    }

    @Override
    public long lookingGlassCalls() {
        return lookingGlassCalls.get();
    }

    @Override
    public long routingStatusCalls() {
        return routingStatusCalls.get();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            if (path.startsWith("/bench/")) {
                bench(x, path, q);
                return;
            }
            String resource = q.get("resource");
            BenchUniverse.Monitored m = resource == null ? null
                    : resource.equals(CANARY) ? CANARY_ROUTE : universe.monitored().get(resource);
            if (m == null || q.get("sourceapp") == null) {
                send(x, 404, "{\"status\":\"error\",\"status_code\":404,\"messages\":[[\"error\",\"unknown\"]]}");
            } else if (path.equals("/data/looking-glass/data.json")) {
                lookingGlassCalls.incrementAndGet();
                send(x, 200, lookingGlass(resource, m));
                if (m != CANARY_ROUTE) {
                    answered.add(resource); // the seed's progress counts watched prefixes only
                }
            } else if (path.equals("/data/routing-status/data.json")) {
                routingStatusCalls.incrementAndGet();
                send(x, 200, envelope("routing-status", "{\"resource\":\"" + resource + "\",\"origins\":[{\"origin\":"
                        + m.origin() + "}],\"more_specifics\":[],\"query_time\":\"" + time(Instant.now()) + "\"}"));
            } else {
                send(x, 404, "{\"status\":\"error\",\"status_code\":404,\"messages\":[[\"error\",\"unknown call\"]]}");
            }
        }
    }

    private void bench(HttpExchange x, String path, Map<String, String> q) throws IOException {
        if (path.equals("/bench/stats")) {
            send(x, 200, "{\"answered\":" + answered.size() + ",\"lookingGlassCalls\":" + lookingGlassCalls.get()
                    + ",\"routingStatusCalls\":" + routingStatusCalls.get() + "}");
        } else if (path.equals("/bench/stream-started") && q.containsKey("at")) {
            streamStarted(Instant.ofEpochMilli(Long.parseLong(q.get("at"))));
            send(x, 200, "{}");
        } else {
            send(x, 404, "{}");
        }
    }

    private String lookingGlass(String prefix, BenchUniverse.Monitored m) {
        Instant now = Instant.now();
        Instant dataAt = now.minus(lag);
        Map<String, Long> withdrawn = universe.withdrawals().getOrDefault(prefix, Map.of());
        Instant zero = streamStart;
        long sinceStart = zero == null ? -1 : java.time.Duration.between(zero, dataAt).toMillis();
        String latest = time(dataAt);
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("{\"rrcs\":[");
        boolean firstRrc = true;
        {
            long upstream = m.upstreams().isEmpty() ? 3356 : m.upstreams().get(0);
            for (Map.Entry<String, List<BenchUniverse.Peer>> rrc : byCollector.getOrDefault(m.afi(), Map.of()).entrySet()) {
                b.append(firstRrc ? "" : ",").append("{\"rrc\":\"").append(rrc.getKey())
                        .append("\",\"location\":\"Bench\",\"peers\":[");
                firstRrc = false;
                boolean firstPeer = true;
                for (BenchUniverse.Peer p : rrc.getValue()) {
                    Long at = withdrawn.get(p.collector() + " " + p.ip());
                    if (at != null && zero != null && sinceStart >= at) {
                        continue; // this peer had withdrawn it by the look's data time
                    }
                    b.append(firstPeer ? "" : ",").append("{\"asn_origin\":\"").append(m.origin())
                            .append("\",\"as_path\":\"").append(p.asn()).append(' ').append(upstream).append(' ')
                            .append(m.origin()).append("\",\"community\":\"\",\"largeCommunity\":\"\","
                                    + "\"extendedCommunity\":\"\",\"last_updated\":\"").append(latest)
                            .append("\",\"prefix\":\"").append(prefix).append("\",\"peer\":\"").append(p.ip())
                            .append("\",\"origin\":\"IGP\",\"next_hop\":\"").append(p.ip())
                            .append("\",\"latest_time\":\"").append(latest).append("\"}");
                    firstPeer = false;
                }
                b.append("]}");
            }
        }
        b.append("],\"query_time\":\"").append(time(now)).append("\",\"latest_time\":\"").append(latest)
                .append("\",\"parameters\":{\"resource\":\"").append(prefix).append("\",\"look_back_limit\":3600}}");
        return envelope("looking-glass", b.toString());
    }

    private static String envelope(String call, String data) {
        return "{\"messages\":[],\"see_also\":[],\"version\":\"2.1\",\"data_call_name\":\"" + call
                + "\",\"data_call_status\":\"supported\",\"cached\":false,\"data\":" + data
                + ",\"query_id\":\"bench\",\"process_time\":1,\"server_id\":\"bench\",\"build_version\":\"bench\","
                + "\"status\":\"ok\",\"status_code\":200,\"time\":\"" + time(Instant.now()) + "\"}";
    }

    private static void send(HttpExchange x, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** RIPEstat writes UTC times without a zone. */
    private static String time(Instant at) {
        return TIME.format(LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
