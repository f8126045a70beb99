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
 * {@code confirm-after} with the stream counts new data (updates of the target's prefixes, newer looks), not
 * the judging loop going over the same picture again. North Korea's four /24s, ten RIS peers at rrc00, and
 * {@code confirm-after: 50}, so that the numbers tell one from the other.
 */
class StreamConfirmationTest {

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
                detection: {confirm-after: 50}
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
    void judgingTheSamePictureAgainConfirmsNothingNewUpdatesDo() throws InterruptedException {
        // WHEN every peer withdraws the four prefixes (40 updates of them), and the loop then judges that same
        // picture every 5 s for 5 min: as many judgings as would have made 50 if each counted
        withdrawals(10);
        for (int i = 0; i < 60; i++) {
            clock.advance(Duration.ofSeconds(5));
            sd.judge.round();
        }

        // THEN nothing is told: 40 pieces of new data are not 50
        assertThat(types()).isEmpty();

        // and the judge asked the looking glass for second opinions on them
        Prefix asked = sd.reconciler.next();
        asked = asked != null ? asked : sd.reconciler.next(); // second looks take every other turn
        assertThat(asked).isIn(PREFIXES);

        // WHEN three peers say so again (12 updates more)
        withdrawals(3);

        // THEN that new data confirms it
        assertThat(types()).containsExactly(EventType.OUTAGE_STARTED);
    }

    /** The first {@code peers} peers withdraw every prefix; waits until the table heard it, then judges. */
    private void withdrawals(int peers) {
        long before = sd.table.dataVersion(PREFIXES);
        IntStream.rangeClosed(1, peers).forEach(i -> ris.connection(0).send(
                FakeRisLive.withdrawal("rrc00", "192.0.2." + i, KP)));
        await().atMost(Duration.ofSeconds(5)).until(() -> sd.table.dataVersion(PREFIXES) >= before + peers * 4L);
        sd.judge.round();
    }

    private List<EventType> types() {
        return app.database().inTransaction(tx -> new EventRepository().recent(tx, "AS131279", 10)).stream()
                .map(Event::type).toList();
    }
}
