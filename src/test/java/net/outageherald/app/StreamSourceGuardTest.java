package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.outageherald.model.Event;
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
 * The source going blank with RIS Live as the main source: a looking glass that answers blank while the stream
 * is live darkens nothing, and a judging round that would darken three unrelated networks at once is held back;
 * the operator is told once each way. Three ASes of four /24s each, seen by ten RIS peers at rrc00.
 */
class StreamSourceGuardTest {

    private static final List<String> KP = List.of("175.45.176.0/24", "175.45.177.0/24", "175.45.178.0/24",
            "175.45.179.0/24");
    private static final List<String> A = four(1);
    private static final List<String> B = four(2);

    @TempDir
    Path dir;
    // the stream's lag is measured against real time, so the test clock starts at it
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private FakeRipeStat ripestat;
    private FakeRisLive ris;
    private App app;
    private StreamDetection sd;

    private static List<String> four(int net) {
        return IntStream.range(0, 4).mapToObj(i -> "10." + net + "." + i + ".0/24").toList();
    }

    @BeforeEach
    void start() throws Exception {
        ripestat = new FakeRipeStat(clock);
        ripestat.as(131279, "STAR-KP", 10, KP.toArray(String[]::new));
        ripestat.as(64501, "NET-A", 10, A.toArray(String[]::new));
        ripestat.as(64502, "NET-B", 10, B.toArray(String[]::new));
        ris = new FakeRisLive();
        Path file = dir.resolve("herald.yaml");
        Files.writeString(file, """
                watch: [AS131279, AS64501, AS64502]
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
        for (String p : all()) {
            assertThat(sd.reconciler.look(Prefix.parse(p))).isTrue();
        }
        sd.judge.round();
        sd.stream.start();
        ris.connection(0).awaitReceived(12 + 2);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        ris.close();
        ripestat.close();
    }

    @Test
    void aBlankLookingGlassWhileTheStreamIsLiveDarkensNothingAndTheStreamStillCounts() throws Exception {
        // WHEN the looking glass answers blank, and North Korea's prefixes are looked at again
        ripestat.fail(FakeRipeStat.Failure.BLANK);
        for (String p : KP) {
            assertThat(sd.reconciler.look(Prefix.parse(p))).isFalse();
        }
        rounds();

        // THEN its blank answers were not taken: no outage, one notice to the operator
        assertThat(types("AS131279")).doesNotContain(EventType.OUTAGE_STARTED);
        assertThat(peers(KP)).isEqualTo(10);
        assertThat(count("Outage reports on hold")).isEqualTo(1);
        assertThat(console()).contains("RIPEstat looks blank: the canary 193.0.0.0/21 (seen by 0 RIS peers, normally"
                + " 30) is not visible; its answer for 175.45.176.0/24 would have darkened that prefix; until it"
                + " answers normally its answers that would darken a prefix are not taken, and RIS Live alone moves"
                + " the routing picture");

        // WHEN meanwhile every peer withdraws North Korea's prefixes through the stream
        told(KP, peer -> FakeRisLive.withdrawal("rrc00", peer, KP));

        // THEN that outage is told: the stream is not the suspect
        assertThat(types("AS131279")).containsExactly(EventType.OUTAGE_STARTED);

        // WHEN the looking glass answers normally again and the canary is due for its look
        ripestat.fail(FakeRipeStat.Failure.NONE);
        clock.advance(Duration.ofMinutes(10));
        sd.reconciler.look(Prefix.parse(A.get(0)));

        // THEN the operator hears so, once
        app.notifier().drainOnce();
        assertThat(count("Outage reports resumed")).isEqualTo(1);
        assertThat(count("Outage reports on hold")).isEqualTo(1);
    }

    @Test
    void oneJudgingRoundThatWouldDarkenThreeUnrelatedNetworksIsHeldBack() {
        // WHEN every peer withdraws every prefix of all three ASes at once, and that holds past confirm-for
        peersOf(10).forEach(peer -> ris.connection(0).send(FakeRisLive.withdrawal("rrc00", peer, all())));
        await().atMost(Duration.ofSeconds(5)).until(() -> peers(all()) == 0);
        rounds();

        // THEN no outage is told, and the operator hears why, once
        for (String as : List.of("AS131279", "AS64501", "AS64502")) {
            assertThat(types(as)).doesNotContain(EventType.OUTAGE_STARTED);
        }
        assertThat(count("Outage reports on hold")).isEqualTo(1);
        assertThat(console()).contains("The routing data looks wrong: 3 targets with no prefix in common would"
                + " have gone dark in the same round (AS131279, AS64501, AS64502)");

        // WHEN they announce again
        peersOf(10).forEach(peer -> ris.connection(0).send(FakeRisLive.announcement("rrc00", peer, 4837, 64501,
                all())));
        await().atMost(Duration.ofSeconds(5)).until(() -> peers(all()) == 10);
        rounds();

        // THEN the hold ends, told once, and nothing else was said
        assertThat(count("Outage reports resumed")).isEqualTo(1);
        assertThat(console()).doesNotContain("offline", "Monitoring of");

        // WHEN one of them really goes
        told(B, peer -> FakeRisLive.withdrawal("rrc00", peer, B));

        // THEN it is told
        assertThat(types("AS64502")).containsExactly(EventType.OUTAGE_STARTED);
    }

    @Test
    void networksStillDarkWhenAHoldLiftsAreToldConfirmForAfterTheLift() {
        // GIVEN all three ASes' prefixes withdrawn at once, held back past confirm-for
        peersOf(10).forEach(peer -> ris.connection(0).send(FakeRisLive.withdrawal("rrc00", peer, all())));
        await().atMost(Duration.ofSeconds(5)).until(() -> peers(all()) == 0);
        rounds();
        assertThat(count("Outage reports on hold")).isEqualTo(1);

        // WHEN North Korea comes back, so that only two would go dark and the hold lifts, and 5 s later the
        // peers say again that the other two are gone (new data enough for confirm-after)
        peersOf(10).forEach(peer -> ris.connection(0).send(FakeRisLive.announcement("rrc00", peer, 4837, 131279, KP)));
        await().atMost(Duration.ofSeconds(5)).until(() -> peers(KP) == 10);
        sd.judge.round();
        clock.advance(Duration.ofSeconds(5));
        List<String> ab = new ArrayList<>(A);
        ab.addAll(B);
        List<Prefix> ps = ab.stream().map(Prefix::parse).toList();
        long before = sd.table.dataVersion(ps);
        peersOf(10).forEach(peer -> ris.connection(0).send(FakeRisLive.withdrawal("rrc00", peer, ab)));
        await().atMost(Duration.ofSeconds(5)).until(() -> sd.table.dataVersion(ps) >= before + 10L * ps.size());
        sd.judge.round();

        // THEN neither is told yet: their withdrawals are a minute old, but confirm-for counts from the lift
        assertThat(types("AS64501")).doesNotContain(EventType.OUTAGE_STARTED);
        assertThat(types("AS64502")).doesNotContain(EventType.OUTAGE_STARTED);

        // AND confirm-for after the lift, both are
        clock.advance(Duration.ofSeconds(56));
        sd.judge.round();
        assertThat(types("AS64501")).contains(EventType.OUTAGE_STARTED);
        assertThat(types("AS64502")).contains(EventType.OUTAGE_STARTED);
    }

    /** Judging rounds across confirm-for (60 s), as the loop would run them, then delivery. */
    private void rounds() {
        sd.judge.round();
        clock.advance(Duration.ofSeconds(30));
        sd.judge.round();
        clock.advance(Duration.ofSeconds(31));
        sd.judge.round();
        app.notifier().drainOnce();
    }

    /**
     * Every peer sends {@code frame} three times across confirm-for (60 s), judged after each (three rounds of
     * new data, as a real event's updates give), then delivery.
     */
    private void told(List<String> prefixes, java.util.function.Function<String, String> frame) {
        List<Prefix> ps = prefixes.stream().map(Prefix::parse).toList();
        for (Duration step : List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(31))) {
            clock.advance(step);
            long before = sd.table.dataVersion(ps);
            peersOf(10).forEach(peer -> ris.connection(0).send(frame.apply(peer)));
            await().atMost(Duration.ofSeconds(5)).until(() -> sd.table.dataVersion(ps) >= before + 10L * ps.size());
            sd.judge.round();
        }
        app.notifier().drainOnce();
    }

    private static List<String> all() {
        List<String> out = new ArrayList<>(KP);
        out.addAll(A);
        out.addAll(B);
        return out;
    }

    private static List<String> peersOf(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "192.0.2." + i).toList();
    }

    /** Peers seeing the prefixes in the routing table, if they all agree; -1 if not. */
    private int peers(List<String> prefixes) {
        int[] seen = prefixes.stream().mapToInt(p -> sd.table.observe(Prefix.parse(p), clock.instant(), false)
                .map(PrefixObservation::peersSeeing).orElse(-1)).distinct().toArray();
        return seen.length == 1 ? seen[0] : -1;
    }

    private List<EventType> types(String key) {
        List<EventType> out = new ArrayList<>(app.database().inTransaction(tx -> new EventRepository()
                .recent(tx, key, 10)).stream().map(Event::type).toList());
        java.util.Collections.reverse(out);
        return out;
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private int count(String text) {
        Matcher m = Pattern.compile(Pattern.quote(text)).matcher(console());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
