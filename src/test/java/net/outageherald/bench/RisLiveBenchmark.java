package net.outageherald.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.outageherald.app.App;
import net.outageherald.app.HeraldConfig;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.ops.LogSetup;
import net.outageherald.source.rislive.RisLiveClient;
import net.outageherald.store.EventRepository;

/**
 * Outage Herald, the real {@link App} built by {@link HeraldConfig#load}, as the consumer of
 * {@code rislive-replay.js} (the RIS Live replay in {@code shared/bench}, copied outside the repository): the
 * watch list is the replay's monitored prefixes (as prefix targets), a {@link FakeLookingGlass} on 127.0.0.1
 * (in this JVM, or with {@code --looking-glass} in a process of its own) seeds the routing table with the
 * replay model's peers, SQLite lives in a temporary folder, and alerts go
 * out both to the console (written to {@code --alert-file}, which the replay tails) and to the Telegram Bot
 * API at {@code --telegram} (the replay's {@code --webhook-port}), one Telegram channel per outage prefix;
 * {@code --console false} leaves the console out, so that the chat API's figure is measured alone.
 *
 * <p>Not a test: {@code bench/rislive-bench.sh} runs it beside the replay and samples its CPU and memory.
 * It writes {@code --ready-file} once every monitored prefix has been looked at (start the replay then),
 * prints the stream's counters every 5 s, and on SIGTERM or after {@code --run-for} writes a JSON summary.
 */
public final class RisLiveBenchmark {

    private final Map<String, String> opts;

    private RisLiveBenchmark(Map<String, String> opts) {
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        // the service's own logging (stderr, INFO; ops.LogDefaults), as long as no logback.configurationFile is set
        // the JDK's HTTP server waits for delayed ACKs (Nagle) without this: 40 ms per look-up
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        if (!o.containsKey("monitored") || !o.containsKey("rislive")
                || !o.containsKey("universe") && !o.containsKey("looking-glass")) {
            System.err.println("usage: RisLiveBenchmark --monitored monitored.json"
                    + " (--universe universe.json | --looking-glass http://127.0.0.1:PORT)"
                    + " --rislive ws://127.0.0.1:7800/v1/ws/ [--telegram http://127.0.0.1:7801] [--alert-file F]"
                    + " [--confirm-for 1s] [--confirm-after 3] [--dark-enter-fraction 0.25] [--suspect-after 0]"
                    + " [--max-prefix-subscriptions 0] [--lg-lag 30s] [--ready-file F] [--summary F]"
                    + " [--pool-size 4] [--requests-per-minute 6000] [--run-for 600] [--log-level INFO]"
                    + " [--charts true] [--console true]");
            System.exit(2);
        }
        new RisLiveBenchmark(o).run();
    }

    private String opt(String name, String def) {
        return opts.getOrDefault(name, def);
    }

    private void run() throws Exception {
        LogSetup.apply("text", opt("log-level", "INFO"));
        // with --looking-glass the fake RIPEstat runs in a process of its own (FakeLookingGlass.main) and this
        // JVM reads only the plan: what is measured here is the service, not the harness's model of the world
        BenchUniverse u;
        BenchLookingGlass lg;
        if (opts.containsKey("looking-glass")) {
            u = BenchUniverse.readPlan(Path.of(opt("monitored", null)));
            lg = new RemoteLookingGlass(opt("looking-glass", null));
        } else {
            u = BenchUniverse.read(Path.of(opt("monitored", null)), Path.of(opt("universe", null)));
            lg = new FakeLookingGlass(u, FakeLookingGlass.lag(opt("lg-lag", "30s")));
        }
        Path dir = Files.createTempDirectory("herald-rislive-bench");

        Path config = dir.resolve("herald.yaml");
        Files.writeString(config, config(u));
        Map<String, String> env = new HashMap<>();
        env.put("HERALD_RIPESTAT_URL", lg.baseUrl());
        env.put("HERALD_RISLIVE_URL", opt("rislive", null));
        env.put("HERALD_DB_URL", "jdbc:sqlite:" + dir.resolve("herald.db"));
        if (opts.containsKey("telegram")) {
            env.put("HERALD_TELEGRAM_API_URL", opt("telegram", null));
            env.put("TELEGRAM_BOT_TOKEN", "bench-token-not-a-real-one");
        }
        OutputStream sink = opts.containsKey("alert-file")
                ? new FileOutputStream(opt("alert-file", null), true) : OutputStream.nullOutputStream();
        PrintStream console = new PrintStream(sink, true, StandardCharsets.UTF_8);

        long t0 = System.nanoTime();
        App app = App.build(HeraldConfig.load(config, env), Clock.systemUTC(), console);
        RisLiveClient stream = stream(app);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                done.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-stop"));
        app.start();
        log("watching %,d prefixes (%s); config and SQLite in %s; looking glass at %s", u.prefixes().size(),
                u.outages().size() + " outage events planned", dir, lg.baseUrl());

        ThreadTicks threads = new ThreadTicks();
        long runFor = Long.parseLong(opt("run-for", "600")) * 1000;
        boolean ready = false;
        long lastPrint = 0;
        long lastMessages = 0;
        Instant firstMessage = null;
        long readyAt = 0;
        while (!stop.await(50, TimeUnit.MILLISECONDS) && (System.nanoTime() - t0) / 1_000_000 < runFor) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (!ready && lg.prefixesAnswered() >= u.prefixes().size()) {
                ready = true;
                readyAt = ms;
                log("seeded: every one of %,d prefixes looked at in %.1f s (%,d looking-glass and %,d routing-status"
                        + " calls)", u.prefixes().size(), ms / 1000.0, lg.lookingGlassCalls(), lg.routingStatusCalls());
                if (opts.containsKey("ready-file")) {
                    Thread.sleep(1000); // the last answers reach the table
                    Files.writeString(Path.of(opt("ready-file", null)), ProcessHandle.current().pid() + "\n");
                }
            }
            if (firstMessage == null && stream.messages() > 0) {
                firstMessage = Instant.now();
                lg.streamStarted(firstMessage);
                log("first RIS Live message at %s", firstMessage);
            }
            if (ms - lastPrint >= 5000) {
                long n = stream.messages();
                log("t=%.0fs messages=%,d (%,d/s) updates=%,d unreadable=%d reconnects=%d state=%s", ms / 1000.0, n,
                        (n - lastMessages) * 1000 / Math.max(1, ms - lastPrint), stream.updates(),
                        stream.parseFailures(), stream.reconnects(), stream.status().state());
                log("threads, %% of a core over the last %.0f s: %s", (ms - lastPrint) / 1000.0,
                        threads.sample(ms - lastPrint));
                lastPrint = ms;
                lastMessages = n;
            }
        }
        try {
            String summary = summary(app, stream, u, lg, readyAt);
            log("summary %s", summary);
            if (opts.containsKey("summary")) {
                Files.writeString(Path.of(opt("summary", null)), summary + "\n");
            }
        } finally {
            app.close(Duration.ofSeconds(8));
            lg.close();
            console.close();
            done.countDown();
        }
    }

    private String config(BenchUniverse u) {
        double darkEnter = Double.parseDouble(opt("dark-enter-fraction", "0.25"));
        StringBuilder y = new StringBuilder();
        y.append("watch:\n");
        u.prefixes().forEach(p -> y.append("  - \"").append(p).append("\"\n"));
        y.append("detection:\n")
                .append("  confirm-for: ").append(opt("confirm-for", "1s")).append('\n')
                .append("  confirm-after: ").append(opt("confirm-after", "3")).append('\n')
                .append("  dark-enter-fraction: ").append(darkEnter).append('\n')
                .append("  dark-leave-fraction: ").append(Math.max(darkEnter, 0.5)).append('\n')
                .append("  max-watched-prefixes: 1000000\n")
                // the replay's events darken ten unrelated prefixes at once, which the guard would hold back
                .append("  suspect-after: ").append(opt("suspect-after", "0")).append('\n')
                .append("  spread-polls: false\n");
        y.append("ripestat:\n")
                .append("  requests-per-minute: ").append(opt("requests-per-minute", "6000")).append('\n')
                .append("  max-in-flight: 8\n");
        y.append("rislive:\n")
                .append("  max-prefix-subscriptions: ").append(opt("max-prefix-subscriptions", "0")).append('\n')
                .append("  reconnect-backoff: 100ms\n")
                .append("  reconnect-backoff-max: 1s\n")
                .append("  subscribe-pace: ").append(opt("subscribe-pace", "1ms")).append('\n');
        y.append("database:\n  pool-size: ").append(opt("pool-size", "4")).append('\n');
        y.append("notify:\n  console: ").append(opt("console", "true")).append('\n');
        y.append("charts:\n  enabled: ").append(opt("charts", "true")).append('\n');
        if (opts.containsKey("telegram")) {
            // one channel per outage prefix, as many channels following one network each would be
            y.append("telegram:\n  subscriptions:\n");
            int i = 0;
            for (List<String> event : u.outages()) {
                for (String p : event) {
                    y.append("    - chat: \"-100").append(1_000_000_000L + i++).append("\"\n")
                            .append("      targets: [\"").append(p).append("\"]\n");
                }
            }
        }
        return y.toString();
    }

    private static String summary(App app, RisLiveClient stream, BenchUniverse u, BenchLookingGlass lg, long readyAt) {
        Map<String, Integer> events = new LinkedHashMap<>();
        List<String> outagePrefixes = new ArrayList<>();
        u.outages().forEach(outagePrefixes::addAll);
        List<String> missed = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        EventRepository repo = new EventRepository();
        app.database().inTransaction(tx -> {
            for (String p : u.prefixes()) {
                List<Event> list = repo.recent(tx, p, 20);
                boolean started = false;
                for (Event e : list) {
                    events.merge(e.type().name(), 1, Integer::sum);
                    started |= e.type() == EventType.OUTAGE_STARTED;
                }
                if (outagePrefixes.contains(p) && !started) {
                    missed.add(p);
                } else if (!outagePrefixes.contains(p) && started) {
                    falseAlarms.add(p);
                }
            }
            return null;
        });
        return String.format("{\"watched\":%d,\"seededMs\":%d,\"messages\":%d,\"updates\":%d,\"unreadable\":%d,"
                        + "\"reconnects\":%d,\"unfiltered\":%b,\"lookingGlassCalls\":%d,\"events\":%s,"
                        + "\"outagePrefixes\":%d,\"missed\":%s,\"falseAlarms\":%s}",
                u.prefixes().size(), readyAt, stream.messages(), stream.updates(), stream.parseFailures(),
                stream.reconnects(), stream.unfiltered(), lg.lookingGlassCalls(), json(events), outagePrefixes.size(),
                quoted(missed), quoted(falseAlarms));
    }

    private static String json(Map<String, Integer> m) {
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString();
    }

    private static String quoted(List<String> l) {
        return l.stream().map(s -> "\"" + s + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    /**
     * The app's RIS Live client, for its counters. The app publishes none of them (no metric, no accessor
     * outside its package), so the benchmark reaches in by reflection; it only reads.
     */
    private static RisLiveClient stream(App app) throws ReflectiveOperationException {
        Method m = App.class.getDeclaredMethod("streamDetection");
        m.setAccessible(true);
        Object sd = m.invoke(app);
        Field f = sd.getClass().getDeclaredField("stream");
        f.setAccessible(true);
        return (RisLiveClient) f.get(sd);
    }

    private static void log(String format, Object... args) {
        System.err.printf("[bench %s] %s%n", Instant.now(), String.format(format, args));
    }

    /** CPU per thread of this process from /proc (Linux), JIT and GC threads included; by name, busiest first. */
    private static final class ThreadTicks {
        private Map<String, Long> last = new HashMap<>();

        String sample(long intervalMs) {
            Map<String, Long> now = new HashMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        String stat = Files.readString(t.resolve("stat"));
                        int close = stat.lastIndexOf(')');
                        String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("[0-9]+$", "#");
                        String[] f = stat.substring(close + 2).split(" ");
                        now.merge(t.getFileName() + " " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException e) {
                return "n/a";
            }
            Map<String, Long> byName = new HashMap<>();
            now.forEach((k, v) -> byName.merge(k.substring(k.indexOf(' ') + 1), v - last.getOrDefault(k, 0L), Long::sum));
            last = now;
            return byName.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(8)
                    .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() * 1000.0 / Math.max(1, intervalMs)))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }
}
