package net.outageherald.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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
import java.util.TreeMap;
import java.util.stream.Stream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.Target;
import net.outageherald.notify.Notifier;
import net.outageherald.outbox.NotifyConfig.PlatformLimits;
import net.outageherald.outbox.NotifyConfig.Rate;
import net.outageherald.outbox.NotifyConfig;
import net.outageherald.store.Database;
import net.outageherald.testing.FakeChatServer;
import net.outageherald.testing.FakeMessages;
import net.outageherald.testing.HttpTestSender;
import net.outageherald.testing.StoredOutage;
import net.outageherald.testing.WiredNotifier;

/**
 * Fans one outage out to many Telegram chats on a fake endpoint on 127.0.0.1 at a global rate limit,
 * and compares the time it took with the least the limit allows. Not a test: run it with
 * {@code mvn -o -Pbench test-compile exec:java -Dbench.destinations=1000 -Dbench.rate=30}.
 * Arguments: destinations (default 10000), messages per second (default 30). The outbox is an SQLite file
 * unless {@code -Dbench.db=postgres}, which starts an embedded PostgreSQL (zonky, as the tests use).
 * {@code -Dbench.warmup=N} first fans another outage out to N chats of their own, unmeasured, so that the
 * figures are those of compiled code (a cold run spends about half its CPU in the JIT).
 */
public final class FanOutBenchmark {

    private FanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        if (Boolean.parseBoolean(System.getProperty("bench.nodelay", "true"))) {
            // The JDK's HttpServer leaves Nagle's algorithm on: each answer's body then waits ~40 ms for the
            // client's delayed ACK of its headers, and 8 sends in flight cap the fake endpoint, not the outbox,
            // at ~170 messages/s. Telegram's servers answer at once. -Dbench.nodelay=false shows the old figure.
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        int destinations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        boolean postgres = "postgres".equalsIgnoreCase(System.getProperty("bench.db", "sqlite"));
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        int latency = Integer.getInteger("bench.latency", 2); // ms the fake platform takes to answer
        int warmup = Integer.getInteger("bench.warmup", 0); // chats of an unmeasured fan-out first
        Path dir = Files.createTempDirectory("herald-bench");
        NotifyConfig config = NotifyConfig.defaults().withConsoleEnabled(false)
                .withPlatform(Platform.TELEGRAM, new PlatformLimits(Rate.perSecond(rate), Rate.perSecond(1),
                        new Rate(20, Duration.ofMinutes(1)), concurrency));
        System.out.printf("Fan-out of one outage to %,d Telegram chats at %d messages/s, %d in flight, %d ms answers"
                + " (%s)%n", destinations, rate, concurrency, latency, postgres ? "embedded PostgreSQL" : "SQLite in " + dir);
        try (FakeChatServer chat = new FakeChatServer(latency);
             BenchDatabase bench = new BenchDatabase(postgres, dir)) {
            Database db = bench.db;
            WiredNotifier wired = WiredNotifier.wire(config, db, new FakeMessages(),
                    List.of(new HttpTestSender(Platform.TELEGRAM, chat.port())), new SimpleMeterRegistry(),
                    Clock.systemUTC());
            Notifier notifier = wired.notifier();
            Map<Destination, List<Target>> subs = new LinkedHashMap<>();
            for (int i = 1; i <= destinations; i++) {
                subs.put(new Destination(Platform.TELEGRAM, String.valueOf(1_000_000 + i)), List.of(new Target.As(1)));
            }
            for (int i = 1; i <= warmup; i++) { // chats of their own: a chat's own limit never holds the measured round
                subs.put(new Destination(Platform.TELEGRAM, String.valueOf(5_000_000 + i)), List.of(new Target.As(2)));
            }
            wired.subscriptions().syncStatic(subs);
            if (warmup > 0) {
                // the same fan-out and delivery once first, unmeasured, so the JIT has compiled them
                long w0 = System.nanoTime();
                StoredOutage.of("AS2", Instant.now()).store(db, notifier.sink());
                notifier.start();
                while (chat.count() < warmup || !notifier.pending().isEmpty()) {
                    Thread.sleep(20);
                }
                System.out.printf("warm-up: %,d chats in %.3f s, not counted%n", warmup, (System.nanoTime() - w0) / 1e9);
                Thread.sleep(1500); // the global token bucket fills up again, as before a cold run
            }

            System.gc();
            long baseline = heapUsed();
            resetPeaks();
            long commits0 = bench.commits(); // before the clock starts: it waits for PostgreSQL's statistics
            long t0 = System.nanoTime();
            StoredOutage.of("AS1", Instant.now()).store(db, notifier.sink());
            long fannedOut = System.nanoTime();
            long cpu0 = processCpuNanos();
            Map<Long, Long> threads0 = threadCpu();
            notifier.start(); // no-op after a warm-up: it is running already
            while (chat.count() < warmup + destinations) { // received() copies every body: not in this loop
                Thread.sleep(20);
            }
            long delivered = System.nanoTime();
            while (!notifier.pending().isEmpty()) {
                Thread.sleep(20);
            }
            long recorded = System.nanoTime();
            long cpu = processCpuNanos() - cpu0;
            String byThread = cpuByThread(threads0, cpu);
            long commits = bench.commits() - commits0;
            notifier.stop();
            long peak = heapPeak();

            double total = (delivered - fannedOut) / 1e9;
            double atLimit = (double) destinations / rate;
            double bucketMin = Rate.perSecond(rate).minimumFor(destinations).toNanos() / 1e9;
            System.out.printf("outbox rows written (one transaction): %8.3f s%n", (fannedOut - t0) / 1e9);
            System.out.printf("delivery, start to last message:       %8.3f s%n", total);
            System.out.printf("  ... to last result recorded:         %8.3f s%n", (recorded - fannedOut) / 1e9);
            System.out.printf("minimum at %d/s (n / rate):             %8.3f s   ratio %.4f%n", rate, atLimit,
                    total / atLimit);
            System.out.printf("minimum of the token bucket (burst %d): %8.3f s   ratio %.4f%n", rate, bucketMin,
                    total / bucketMin);
            System.out.printf("throughput:                            %8.0f messages/s%n", destinations / total);
            System.out.printf("CPU of this JVM (fake endpoint included, database server not): %.3f s, %.0f us a message%n",
                    cpu / 1e9, cpu / 1e3 / destinations);
            System.out.println("  by thread: " + byThread);
            if (commits >= 0) {
                System.out.printf("PostgreSQL commits, fan-out and delivery: %,d (%.2f a message)%n", commits,
                        (double) commits / destinations);
            }
            System.out.printf("messages received %,d, warm-up included (duplicates %d)%n", chat.received().size(),
                    chat.received().size() - chat.received().stream().distinct().count());
            System.out.printf("peak heap %,d MB (baseline after GC %,d MB)%n", peak >> 20, baseline >> 20);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    /** The outbox's database: an SQLite file in {@code dir}, or a fresh embedded PostgreSQL. */
    private static final class BenchDatabase implements AutoCloseable {
        private final EmbeddedPostgres pg;
        private final Database db;

        BenchDatabase(boolean postgres, Path dir) throws java.io.IOException {
            pg = postgres ? EmbeddedPostgres.start() : null;
            db = postgres ? Database.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 10)
                    : Database.open("jdbc:sqlite:" + dir.resolve("bench.db"), null, null, 10);
        }

        /** PostgreSQL's count of committed transactions (its statistics lag by up to a second), or -1. */
        long commits() throws Exception {
            if (pg == null) {
                return -1;
            }
            Thread.sleep(1500); // let the backends report their counts; not part of any figure
            try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("SELECT pg_stat_clear_snapshot()");
                try (var rs = st.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = 'postgres'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        @Override
        public void close() throws java.io.IOException {
            db.close();
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** Logback prints DEBUG without a config file: keep the benchmark's own figures readable. */
    private static void quietLogs() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** CPU time of every live Java thread, by id. */
    private static Map<Long, Long> threadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t > 0) {
                out.put(id, t);
            }
        }
        return out;
    }

    /** The process's CPU since {@code before}, by thread name (numbers folded), the JVM's own threads as the rest. */
    private static String cpuByThread(Map<Long, Long> before, long processCpu) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new TreeMap<>();
        long javaThreads = 0;
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long used = Math.max(0, mx.getThreadCpuTime(info.getThreadId()) - before.getOrDefault(info.getThreadId(), 0L));
            javaThreads += used;
            groups.merge(info.getThreadName().replaceAll("\\d+", "#"), used, Long::sum);
        }
        groups.put("JVM (JIT, GC) and ended threads", Math.max(0, processCpu - javaThreads));
        StringBuilder out = new StringBuilder();
        groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> out.append(String.format("%s %.2f s; ", e.getKey(), e.getValue() / 1e9)));
        return out.toString();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        List<MemoryPoolMXBean> out = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                out.add(p);
            }
        }
        return out;
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
