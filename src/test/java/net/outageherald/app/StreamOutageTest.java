package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.outageherald.model.EventType;
import net.outageherald.model.Prefix;
import net.outageherald.source.PrefixObservation;
import net.outageherald.store.EventRepository;
import net.outageherald.testing.FakeRipeStat;
import net.outageherald.testing.FakeRisLive;
import net.outageherald.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream as the main source, end to end through the real app: the looking glass seeds the routing
 * table, RIS Live moves it, judging tells. North Korea's four /24s, seen by ten RIS peers at rrc00.
 */
class StreamOutageTest {

    private static final List<String> KP = List.of("175.45.176.0/24", "175.45.177.0/24", "175.45.178.0/24",
            "175.45.179.0/24");

    @TempDir
    Path dir;
    // the stream's lag is measured against real time, so the test clock starts at it
    private final MutableClock clock = new MutableClock(
            java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private FakeRipeStat ripestat;
    private FakeRisLive ris;
    private App app;
    private StreamDetection sd;

    @BeforeEach
    void start() throws Exception {
        ripestat = new FakeRipeStat(clock);
        ripestat.as(131279, "STAR-KP", 10, KP.toArray(String[]::new));
        ris = new FakeRisLive();
        Path file = dir.resolve("herald.yaml");
        Files.writeString(file, """
                watch: [AS131279]
                rislive: {reconnect-backoff: 10ms, reconnect-backoff-max: 50ms, subscribe-pace: 1ms}
                """);
        Map<String, String> env = new HashMap<>();
        env.put("HERALD_RIPESTAT_URL", ripestat.baseUrl());
        env.put("HERALD_RISLIVE_URL", ris.url());
        env.put("HERALD_DB_URL", "jdbc:sqlite:" + dir.resolve("herald.db"));
        env.put("HERALD_CHARTS_DIR", dir.resolve("charts").toString());
        app = App.build(HeraldConfig.load(file, env), clock, new PrintStream(console, true, StandardCharsets.UTF_8));
        sd = app.streamDetection();
        // GIVEN the watch list resolved, every prefix looked at once, and a first round that learns baselines
        sd.watched.run();
        for (int i = 0; i < KP.size(); i++) {
            assertThat(sd.reconciler.look(sd.reconciler.next())).isTrue();
        }
        sd.judge.round();
        sd.stream.start();
        ris.connection(0).awaitReceived(4 + 2); // peer state, beacons and the AS's prefixes (at least)
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        ris.close();
        ripestat.close();
    }

    @Test
    void anOutageAndItsRestorationThroughTheStreamAlone() {
        // WHEN every peer withdraws every prefix, says so again in two later rounds (three rounds of new data,
        // as a real event's updates give), and the change holds past confirm-for (60 s)
        stream(0, peer -> FakeRisLive.withdrawal("rrc00", peer, KP));
        clock.advance(Duration.ofSeconds(30));
        stream(0, peer -> FakeRisLive.withdrawal("rrc00", peer, KP));
        assertThat(types()).doesNotContain(EventType.OUTAGE_STARTED);
        clock.advance(Duration.ofSeconds(31));
        stream(0, peer -> FakeRisLive.withdrawal("rrc00", peer, KP));

        // THEN the outage is told once, with no looking-glass poll since the seeding
        assertThat(types()).containsExactly(EventType.OUTAGE_STARTED);
        assertThat(app.commands().status("AS131279").message().footer()).isEqualTo(
                "Data: RIPE NCC RIS Live (live) and RIPEstat's looking glass");
        app.notifier().drainOnce();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("AS131279 STAR-KP is offline", "Seen by: 0 RIS peers (normally 10)");

        // WHEN they announce again, and that holds too
        stream(10, peer -> FakeRisLive.announcement("rrc00", peer, 4837, 131279, KP));
        clock.advance(Duration.ofSeconds(30));
        stream(10, peer -> FakeRisLive.announcement("rrc00", peer, 4837, 131279, KP));
        clock.advance(Duration.ofSeconds(31));
        stream(10, peer -> FakeRisLive.announcement("rrc00", peer, 4837, 131279, KP));

        // THEN the restoration follows, with the outage's duration
        assertThat(types()).containsExactly(EventType.OUTAGE_STARTED, EventType.RESTORED);
        app.notifier().drainOnce();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("back online after 1 min");
    }

    @Test
    void stoppingWaitsForAJudgingRoundOnlyWithinWhatIsLeftOfTheDeadline() {
        // GIVEN the judging loop stuck in a round (here: waiting for the judge, which the test holds)
        sd.loop.start();
        Thread judging;
        synchronized (sd.judge) {
            sd.loop.wake();
            await().atMost(Duration.ofSeconds(5)).until(() -> judgeThread() != null
                    && judgeThread().getState() == Thread.State.BLOCKED);
            judging = judgeThread();

            // WHEN the stop sequence has 200 ms left for it
            long start = System.nanoTime();
            boolean over = sd.close(Duration.ofMillis(200));

            // THEN it waits about that long, not a fixed 2 s, and says the round is not over
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
            assertThat(over).isFalse();
        }
        // and the loop ends once its round does
        await().atMost(Duration.ofSeconds(5)).until(() -> !judging.isAlive());
    }

    private static Thread judgeThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("herald-judge"))
                .findFirst().orElse(null);
    }

    @Test
    void aTenSecondFlapSaysNothing() {
        // WHEN every peer withdraws everything and announces it again ten seconds later
        peers(10).forEach(peer -> ris.connection(0).send(FakeRisLive.withdrawal("rrc00", peer, KP)));
        awaitPeers(0);
        sd.judge.round();
        clock.advance(Duration.ofSeconds(10));
        peers(10).forEach(peer -> ris.connection(0).send(FakeRisLive.announcement("rrc00", peer, 4837, 131279, KP)));
        awaitPeers(10);
        sd.judge.round();
        clock.advance(Duration.ofMinutes(5));
        sd.judge.round();

        // THEN nothing is told
        assertThat(types()).isEmpty();
    }

    @Test
    void aWholeCollectorLosingItsSessionsIsNotAnOutage() {
        // WHEN every peer of rrc00 (the only one that sees the prefixes) loses its session with RIS
        peers(10).forEach(peer -> ris.connection(0).send(FakeRisLive.peerDown("rrc00", peer)));
        awaitPeers(0);
        sd.judge.round();
        clock.advance(Duration.ofMinutes(2));
        sd.judge.round();

        // THEN nothing is told: the routes vanished with the sessions, not with the network
        assertThat(types()).isEmpty();
    }

    @Test
    void aStreamThatIsDownLeavesTheLookingGlassInChargeWithNoFalseAlarm() throws InterruptedException {
        // WHEN the stream goes away for good, while the looking glass still sees every prefix
        ris.close();
        await().until(() -> sd.feed.state() != net.outageherald.source.rislive.StreamState.LIVE);
        for (int round = 0; round < 3; round++) {
            clock.advance(Duration.ofMinutes(1));
            for (int i = 0; i < KP.size(); i++) {
                sd.reconciler.look(sd.reconciler.next());
            }
            sd.judge.round();
        }

        // THEN the looking glass keeps the data fresh and nothing is told
        assertThat(types()).isEmpty();
        assertThat(sd.feed.dataTime(Prefix.parse(KP.get(0)), false)).isAfter(clock.instant().minusSeconds(60));
    }

    @Test
    void aLaggingStreamMakesTheDataStaleNotDark() {
        // WHEN the stream's messages arrive five minutes late, and nothing fresher comes for eleven minutes
        ris.connection(0).send(FakeRisLive.lateAnnouncement("rrc00", "192.0.2.1", 4837, 131279, KP,
                clock.instant().minus(Duration.ofMinutes(5))));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            sd.stream.checkLiveness();
            return sd.feed.state() == net.outageherald.source.rislive.StreamState.LAGGING;
        });
        assertThat(app.health().check().json()).contains("\"stream\":\"lagging\"");
        assertThat(app.commands().status("AS131279").message().footer()).contains("the real-time stream is lagging",
                "looking glass checks each prefix every");
        clock.advance(Duration.ofMinutes(11));
        sd.judge.round();

        // THEN the target is unknown (monitoring degraded, for the operator), never offline
        assertThat(types()).containsExactly(EventType.MONITORING_DEGRADED);
        assertThat(app.metrics().scrape()).contains("herald_rislive_state{state=\"lagging\"} 1.0");
    }

    /**
     * Every peer sends {@code frame}; waits until the table heard all of it (and shows {@code peersAfter}
     * peers), then judges once.
     */
    @Test
    void anOutageIsConfirmedConfirmForAfterItsLastWithdrawalCameNotAfterTheRoundThatSawIt() {
        // GIVEN every peer withdraws the four prefixes at T (a second after they were last seen), and the
        // judging round sees it 5 s later
        clock.advance(Duration.ofSeconds(1));
        java.time.Instant t = clock.instant();
        List<Prefix> prefixes = KP.stream().map(Prefix::parse).toList();
        long before = sd.table.dataVersion(prefixes);
        peers(10).forEach(peer -> ris.connection(0).send(FakeRisLive.withdrawal("rrc00", peer, KP)));
        await().atMost(Duration.ofSeconds(5)).until(() -> sd.table.dataVersion(prefixes) >= before + 40);
        clock.advance(Duration.ofSeconds(5));
        sd.judge.round();
        assertThat(types()).isEmpty();

        // WHEN it is T + 59 s, then T + 60 s (confirm-for is 60 s)
        clock.advance(Duration.ofSeconds(54));
        sd.judge.round();
        assertThat(types()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        sd.judge.round();

        // THEN the outage is told at T + 60 s, dated from T: confirm-for after the withdrawals came, not after
        // the round that noticed them
        assertThat(types()).containsExactly(EventType.OUTAGE_STARTED);
        assertThat(app.database().inTransaction(tx -> new EventRepository().recent(tx, "AS131279", 1)).get(0).at())
                .isEqualTo(t);
    }

    private void stream(int peersAfter, java.util.function.Function<String, String> frame) {
        List<Prefix> prefixes = KP.stream().map(Prefix::parse).toList();
        long before = sd.table.dataVersion(prefixes);
        peers(10).forEach(peer -> ris.connection(0).send(frame.apply(peer)));
        await().atMost(Duration.ofSeconds(5)).until(() -> sd.table.dataVersion(prefixes) >= before + 10L * KP.size());
        awaitPeers(peersAfter);
        sd.judge.round();
    }

    private List<String> peers(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "192.0.2." + i).toList();
    }

    private void awaitPeers(int n) {
        await().atMost(Duration.ofSeconds(5)).until(() -> KP.stream().allMatch(p -> sd.table
                .observe(Prefix.parse(p), clock.instant(), false).map(PrefixObservation::peersSeeing).orElse(-1) == n));
    }

    private List<EventType> types() {
        return app.database().inTransaction(tx -> new EventRepository().recent(tx, "AS131279", 10)).stream()
                .map(e -> e.type()).collect(java.util.stream.Collectors.collectingAndThen(
                        java.util.stream.Collectors.toList(), l -> { java.util.Collections.reverse(l); return l; }));
    }
}
