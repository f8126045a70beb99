package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.outageherald.chat.telegram.FakeBotApi;
import net.outageherald.testing.FakeRipeStat;
import net.outageherald.testing.FakeRisLive;
import net.outageherald.testing.Harness;
import net.outageherald.testing.HeraldProcess;
import net.outageherald.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one PostgreSQL, in one JVM, against a fake RIPEstat and a fake Bot API: one leads
 * (polls RIPEstat, takes Telegram's updates), both deliver, and when the leader dies the other takes over.
 */
class ClusterTest {

    private static final String[] PREFIXES = {"175.45.176.0/24", "175.45.177.0/24", "175.45.178.0/24",
            "175.45.179.0/24"};
    private static final List<String> CHATS = List.of("-1001", "-1002", "-1003");
    private static EmbeddedPostgres pg;
    private static int schemas;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Harness.START);
    private final List<App> apps = new ArrayList<>();
    private FakeRipeStat ripestat;
    private FakeBotApi telegram;

    @BeforeAll
    static void startPostgres() throws IOException {
        pg = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        pg.close();
    }

    private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> telegramErrors =
            new ch.qos.logback.core.read.ListAppender<>();

    @BeforeEach
    void fakes() throws IOException {
        telegramErrors.start();
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.telegram")).addAppender(telegramErrors);
        ripestat = new FakeRipeStat(clock);
        ripestat.as(131279, "STAR-KP Ryugyong-dong Potonggang-guyok, KP", 20, PREFIXES);
        telegram = new FakeBotApi();
    }

    @AfterEach
    void close() throws IOException {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.telegram")).detachAppender(telegramErrors);
        apps.forEach(App::close);
        telegram.close();
        ripestat.close();
    }

    @Test
    void oneInstancePollsAndTheOtherTakesOverMidOutageWithNothingToldTwice() throws Exception {
        // GIVEN two instances on one database, the first elected, three chats following the AS
        String url = freshDatabase();
        App a = app(url);
        App b = app(url);
        a.startChats();
        b.startChats();
        a.leadership().start();
        await().atMost(Duration.ofSeconds(10)).until(a::leader);
        b.leadership().start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !telegram.calls("getupdates").isEmpty());
        rounds(3, a, b);
        assertThat(b.leader()).isFalse();

        // WHEN the AS goes dark for five rounds
        seenBy(0);
        rounds(5, a, b);

        // THEN each chat hears the outage once, though both instances deliver
        for (String chat : CHATS) {
            assertThat(texts(chat)).filteredOn(t -> t.contains("is offline")).hasSize(1);
        }

        // WHEN the leader dies mid-outage (its session ends with no unlock, as on SIGKILL)
        int pollsBefore = telegram.calls("getupdates").size();
        long killed = System.nanoTime();
        a.leadership().abort();
        a.close();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(b::leader);
        long failoverMs = (System.nanoTime() - killed) / 1_000_000;
        System.out.println("failover took " + failoverMs + " ms (database.leader-check 2s)");

        // THEN the other leads within the check interval and a connect, and takes Telegram's updates
        assertThat(failoverMs).isLessThan(2_000 + 3_000); // a check interval, a connect, a busy machine
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.calls("getupdates").size() > pollsBefore + 2);

        // WHEN the AS returns, with only the survivor left
        seenBy(20);
        rounds(5, b);

        // THEN each chat hears the restoration once, with the outage's full length; Telegram never saw two consumers
        for (String chat : CHATS) {
            assertThat(texts(chat)).filteredOn(t -> t.contains("is offline")).hasSize(1);
            assertThat(texts(chat)).filteredOn(t -> t.contains("back online")).hasSize(1)
                    .allMatch(t -> t.contains("back online after 5 min"));
        }
        // a consumer that met a 409 Conflict (two at once) would have logged it as an error
        assertThat(telegramErrors.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR));
    }

    @Test
    void aScheduledJobRunsOncePerPeriodAcrossTheInstancesAndGoesOnWhenOneStops() throws Exception {
        // GIVEN two instances sharing Quartz's clustered store, both with a job every second
        String url = freshDatabase();
        App a = app(url);
        App b = app(url);
        assertThat(a.sharedScheduler().clustered()).isTrue();
        List<String> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        a.sharedScheduler().every(countingJob("a", runs), Duration.ofSeconds(1), Duration.ZERO);
        b.sharedScheduler().every(countingJob("b", runs), Duration.ofSeconds(1), Duration.ZERO);
        a.sharedScheduler().start();
        b.sharedScheduler().start();

        // WHEN it has run eight times
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.size() >= 8);
        double seconds = (System.nanoTime() - start) / 1e9;

        // THEN once per period across both: no more runs than seconds passed (two stores of their own would double it)
        assertThat(runs.size()).isLessThanOrEqualTo((int) Math.ceil(seconds) + 1);
        System.out.println("shared job: " + runs.size() + " runs in " + String.format("%.1f", seconds) + " s: " + runs);

        // WHEN the instance that ran it last stops, THEN the other goes on running it
        String last = runs.get(runs.size() - 1);
        App stopping = last.equals("a") ? a : b;
        String survivor = last.equals("a") ? "b" : "a";
        stopping.close();
        apps.remove(stopping);
        int before = runs.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.size() >= before + 3);
        assertThat(runs.subList(before, runs.size())).containsOnly(survivor);
    }

    @Test
    void aJobRunningOnAnInstanceThatDiesRunsOnTheSurvivorOnceTheDeadOneMissesItsCheckIns() throws Exception {
        // GIVEN the shared job running on a, stuck there (a is about to die)
        String url = freshDatabase();
        App a = app(url);
        App b = app(url);
        java.util.concurrent.CountDownLatch runningOnA = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        List<String> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        a.sharedScheduler().every(new net.outageherald.schedule.Job() {
            @Override
            public String name() {
                return "cluster-test";
            }

            @Override
            public void run() throws InterruptedException {
                runningOnA.countDown();
                never.await();
            }
        }, Duration.ofSeconds(1), Duration.ZERO);
        a.sharedScheduler().start();
        assertThat(runningOnA.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        b.sharedScheduler().every(countingJob("b", runs), Duration.ofSeconds(1), Duration.ZERO);
        b.sharedScheduler().start();

        try {
            // WHEN a loses its database for good (it checks in no more), its run never ending
            long died = System.nanoTime();
            a.database().close();

            // THEN b recovers a's run after the check-in allowance and runs the job from then on
            await().atMost(Duration.ofSeconds(60)).until(() -> !runs.isEmpty());
            long recoveredMs = (System.nanoTime() - died) / 1_000_000;
            System.out.println("shared job recovered from a dead instance after " + recoveredMs + " ms");
            assertThat(recoveredMs).isGreaterThan(App.CLUSTER_CHECKIN.toMillis()); // not while a still checked in
        } finally {
            never.countDown();
            a.close(Duration.ofSeconds(1)); // its database is gone: it cannot stop cleanly, but it must stop
            apps.remove(a);
        }
    }

    private static net.outageherald.schedule.Job countingJob(String instance, List<String> runs) {
        return new net.outageherald.schedule.Job() {
            @Override
            public String name() {
                return "cluster-test";
            }

            @Override
            public void run() {
                runs.add(instance);
            }
        };
    }

    @Test
    void onlyTheLeaderFollowsRisLiveAndTheOtherConnectsWhenItDies() throws Exception {
        // GIVEN two instances started in full, the stream on
        try (FakeRisLive ris = new FakeRisLive()) {
            String url = freshDatabase();
            App a = app(url, "rislive: {url: \"" + ris.url() + "\", reconnect-backoff: 10ms, subscribe-pace: 1ms}\n");
            a.start();
            await().atMost(Duration.ofSeconds(10)).until(a::leader);
            App b = app(url, "rislive: {url: \"" + ris.url() + "\", reconnect-backoff: 10ms, subscribe-pace: 1ms}\n");
            b.start();

            // THEN only the leader connects; the other says it stands by, in health and metrics
            await().atMost(Duration.ofSeconds(10)).until(() -> ris.connections().size() == 1);
            assertThat(b.leader()).isFalse();
            assertThat(b.health().check().json()).contains("\"leader\":false", "\"stream\":\"standby\"");
            assertThat(b.health().check().healthy()).isTrue();
            assertThat(a.health().check().json()).contains("\"leader\":true");
            assertThat(a.metrics().scrape()).contains("herald_leader 1.0");
            assertThat(b.metrics().scrape()).contains("herald_leader 0.0");

            // WHEN the leader dies, THEN the other leads and connects
            a.leadership().abort();
            a.close();
            await().atMost(Duration.ofSeconds(10)).until(b::leader);
            await().atMost(Duration.ofSeconds(10)).until(() -> ris.connections().size() == 2);
            assertThat(b.metrics().scrape()).contains("herald_leader 1.0");
        }
    }

    @Test
    void anInstanceThatStopsLeadingDisconnectsFromRisLive() throws Exception {
        // GIVEN two live instances, the first leading and following the stream
        try (FakeRisLive ris = new FakeRisLive()) {
            String url = freshDatabase();
            String stream = "rislive: {url: \"" + ris.url() + "\", reconnect-backoff: 10ms, subscribe-pace: 1ms}\n";
            App a = app(url, stream);
            a.start();
            await().atMost(Duration.ofSeconds(10)).until(a::leader);
            App b = app(url, stream);
            b.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> ris.connections().size() == 1);

            // WHEN the first loses its lock while it lives on (its session ends, as in a network partition)
            terminateLockHolders();

            // THEN the second leads and connects, and the first drops its connection and stays off
            await().atMost(Duration.ofSeconds(15)).until(b::leader);
            await().atMost(Duration.ofSeconds(10)).until(() -> ris.connection(0).gone);
            await().atMost(Duration.ofSeconds(10)).until(() -> ris.connections().size() == 2);
            assertThat(a.leader()).isFalse();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> ris.connections().size() == 2); // no reconnect from the first (backoff 10 ms)
            assertThat(ris.connection(1).gone).isFalse();
        }
    }

    /** Ends the database sessions that hold the leader's lock, as a partition would from the server's side. */
    private static void terminateLockHolders() throws Exception {
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_locks"
                     + " WHERE locktype = 'advisory' AND granted")) {
            while (rs.next()) {
                assertThat(rs.getBoolean(1)).isTrue();
            }
        }
    }

    @Test
    void aLeaderKilledWithSigkillIsReplacedWithinTheCheckInterval() throws Exception {
        // GIVEN a leader in a child JVM, and a second instance here standing by
        String url = freshDatabase();
        Path config = dir.resolve("child.yaml");
        Files.writeString(config, "watch: [AS131279]\nrislive: {enabled: false}\nnotify: {console: false}\n");
        Map<String, String> env = Map.of("HERALD_RIPESTAT_URL", ripestat.baseUrl(), "HERALD_DB_URL", url,
                "HERALD_DB_USER", "postgres", "HERALD_DB_PASSWORD", "postgres");
        try (HeraldProcess child = HeraldProcess.run(dir, config, env)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> lockHolders() == 1);
            App b = app(url);
            b.leadership().start();
            assertThat(b.leader()).isFalse();

            // WHEN the child is killed
            long killed = System.nanoTime();
            child.sigkill();

            // THEN the other leads within leader-check (2 s) and a connect
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(b::leader);
            long failoverMs = (System.nanoTime() - killed) / 1_000_000;
            System.out.println("failover after SIGKILL took " + failoverMs + " ms (database.leader-check 2s)");
            assertThat(failoverMs).isLessThan(2_000 + 3_000); // a check interval, a connect, a busy machine
        }
    }

    /** Sessions holding the leader's lock, whoever they are. */
    private static int lockHolders() throws Exception {
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Each round: a minute passes, every instance runs its scheduled poll round, then every instance delivers. */
    private void rounds(int n, App leader, App... followers) throws Exception {
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofMinutes(1));
            int before = ripestat.requestCount();
            for (App f : followers) {
                f.pollRound().run();
            }
            // THEN a follower's round asks RIPEstat nothing: it is polled at one instance's rate
            assertThat(ripestat.requestCount()).isEqualTo(before);
            leader.pollRound().run();
            assertThat(ripestat.requestCount()).isGreaterThan(before);
            for (int s = 0; s < 3; s++) {
                clock.advance(Duration.ofSeconds(1));
                leader.notifier().drainOnce();
                for (App f : followers) {
                    f.notifier().drainOnce();
                }
            }
        }
    }

    private void seenBy(int peers) {
        for (String p : PREFIXES) {
            ripestat.seenBy(p, peers);
        }
    }

    /** The texts sent to {@code chat}, edits aside. */
    /** What a chat was told: text messages, and photos (a chart) with the text as caption. */
    private List<String> texts(String chat) {
        List<String> out = new java.util.ArrayList<>();
        for (var c : telegram.calls("sendmessage")) {
            if (c.body().path("chat_id").asText().equals(chat)) {
                out.add(c.body().path("text").asText());
            }
        }
        for (var c : telegram.calls("sendphoto")) {
            if (c.body().path("chat_id").asText().equals(chat) && c.body().has("caption")) {
                out.add(c.body().path("caption").asText());
            }
        }
        return out;
    }

    private App app(String url) throws IOException {
        return app(url, "rislive: {enabled: false}\n");
    }

    private App app(String url, String rislive) throws IOException {
        Path file = dir.resolve("herald-" + apps.size() + ".yaml");
        StringBuilder subs = new StringBuilder();
        CHATS.forEach(c -> subs.append("    - {chat: \"").append(c).append("\", targets: [AS131279]}\n"));
        Files.writeString(file, """
                watch: [AS131279]
                detection: {spread-polls: false}
                ripestat: {retry-backoff: 1ms, retry-backoff-max: 5ms, read-timeout: 1s, max-attempts: 2}
                notify: {console: false}
                telegram:
                  poll-timeout: 1s
                  request-timeout: 2s
                  subscriptions:
                """ + subs + rislive);
        Map<String, String> env = Map.of("HERALD_RIPESTAT_URL", ripestat.baseUrl(), "HERALD_DB_URL", url,
                "HERALD_DB_USER", "postgres", "HERALD_DB_PASSWORD", "postgres",
                "TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "HERALD_TELEGRAM_API_URL", telegram.url().toString());
        App app = App.build(HeraldConfig.load(file, env), clock,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        apps.add(app);
        return app;
    }

    /** A database of its own per test: a new schema, migrated from scratch by the first instance. */
    private static String freshDatabase() throws Exception {
        String schema = "c" + ++schemas;
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return pg.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema;
    }
}
