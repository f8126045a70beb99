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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.model.Prefix;
import net.outageherald.store.EventRepository;
import net.outageherald.testing.FakeRipeStat;
import net.outageherald.testing.FakeRisLive;
import net.outageherald.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confirm-for} counts from the withdrawal that darkened a prefix, as the stream delivered it, not from
 * the judging round that noticed it a moment later. North Korea's four /24s, ten RIS peers at rrc00.
 */
class StreamDarkSinceTest {

    private static final List<String> KP = List.of("175.45.176.0/24", "175.45.177.0/24", "175.45.178.0/24",
            "175.45.179.0/24");
    private static final List<Prefix> PREFIXES = KP.stream().map(Prefix::parse).toList();

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
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
                detection: {confirm-after: 1, confirm-for: 60s}
                rislive: {reconnect-backoff: 10ms, reconnect-backoff-max: 50ms, subscribe-pace: 1ms}
                """);
        Map<String, String> env = new HashMap<>();
        env.put("HERALD_RIPESTAT_URL", ripestat.baseUrl());
        env.put("HERALD_RISLIVE_URL", ris.url());
        env.put("HERALD_DB_URL", "jdbc:sqlite:" + dir.resolve("herald.db"));
        app = App.build(HeraldConfig.load(file, env), clock, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        sd = app.streamDetection();
        sd.watched.run();
        for (int i = 0; i < KP.size(); i++) {
            assertThat(sd.reconciler.look(sd.reconciler.next())).isTrue();
        }
        sd.judge.round();
        sd.stream.start();
        ris.connection(0).awaitReceived(4 + 2);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        ris.close();
        ripestat.close();
    }

    @Test
    void anOutageIsConfirmedConfirmForAfterItsLastWithdrawalCameNotAfterTheRoundThatSawIt() {
        // GIVEN every peer withdraws the four prefixes at T (a second after they were last seen), and the judging
        // round sees it 5 s later
        clock.advance(Duration.ofSeconds(1));
        Instant t = clock.instant();
        long before = sd.table.dataVersion(PREFIXES);
        IntStream.rangeClosed(1, 10).forEach(i -> ris.connection(0).send(
                FakeRisLive.withdrawal("rrc00", "192.0.2." + i, KP)));
        await().atMost(Duration.ofSeconds(5)).until(() -> sd.table.dataVersion(PREFIXES) >= before + 40);
        clock.advance(Duration.ofSeconds(5));
        sd.judge.round();
        assertThat(events()).isEmpty();

        // WHEN it is T + 59 s, then T + 60 s
        clock.advance(Duration.ofSeconds(54));
        sd.judge.round();
        assertThat(events()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        sd.judge.round();

        // THEN the outage is told at T + 60 s, dated from T: confirm-for after the withdrawals came
        assertThat(events()).extracting(Event::type).containsExactly(EventType.OUTAGE_STARTED);
        assertThat(events().get(0).at()).isEqualTo(t);
    }

    private List<Event> events() {
        return app.database().inTransaction(tx -> new EventRepository().recent(tx, "AS131279", 10));
    }
}
