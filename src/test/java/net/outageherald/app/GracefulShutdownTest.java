package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.outageherald.store.Database;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;
import net.outageherald.testing.FakeRipeStat;
import net.outageherald.testing.HeraldProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} in a child JVM stopped with SIGTERM, as Docker and systemd stop it: exit codes, the log
 * of the stop, and a database that is whole afterwards.
 *
 * <p>Once the outbox lands (notify branch), add: SIGTERM while a fake chat API holds a send open; the
 * send finishes within {@code shutdown.timeout}, its outbox row is marked sent, exit 0; and a send held
 * past the timeout leaves its row pending for the next start, exit 5.
 */
class GracefulShutdownTest {

    private static final Duration STOP_WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private FakeRipeStat ripestat;
    private HeraldProcess herald;

    @BeforeEach
    void setUp() throws Exception {
        ripestat = new FakeRipeStat(Clock.systemUTC());
        ripestat.as(64500, "EXAMPLE-AS Example Networks", 12, "192.0.2.0/24");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (herald != null) {
            herald.close();
        }
        ripestat.close();
    }

    private HeraldProcess start(String shutdownTimeout) throws Exception {
        Path config = Files.writeString(dir.resolve("herald.yaml"), """
                watch: [AS64500]
                detection:
                  spread-polls: false
                ripestat:
                  max-attempts: 1
                  read-timeout: 1m
                http:
                  enabled: true
                  port: 0
                shutdown:
                  timeout: %s
                """.formatted(shutdownTimeout));
        herald = HeraldProcess.run(dir, config, Map.of("HERALD_RIPESTAT_URL", ripestat.baseUrl(),
                "HERALD_DB_URL", "jdbc:sqlite:" + dir.resolve("herald.db")));
        await().atMost(Duration.ofSeconds(30)).until(() -> ripestat.lookingGlassCalls() > 0 || !herald.alive());
        assertThat(herald.alive()).as(herald.output()).isTrue();
        return herald;
    }

    @Test
    void sigtermStopsCleanlyWithExitZeroAndLeavesAWholeDatabase() throws Exception {
        // GIVEN the service running, its first round done and its health endpoint saying so
        start("8s");
        int port = port(herald);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(port) == 200);

        // WHEN it is sent SIGTERM
        herald.sigterm();

        // THEN it stops in time with exit code 0 and says so
        assertThat(herald.exitCode(STOP_WITHIN)).as(herald.output()).isEqualTo(0);
        assertThat(herald.stderr()).contains("SIGTERM received: stopping", "Stopped cleanly");
        // AND the database was closed properly: no write-ahead log left behind, and it reopens whole
        assertThat(dir.resolve("herald.db-wal")).doesNotExist();
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("herald.db"), null, null, 1)) {
            String integrity = db.inTransaction(tx -> {
                try (Statement s = tx.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            Optional<TargetRecord> target = db.inTransaction(tx -> new TargetRepository().find(tx, "AS64500"));
            assertThat(integrity).isEqualTo("ok");
            assertThat(target).isPresent();
        }
    }

    // A stop that outruns shutdown.timeout (exit 5) and a second SIGTERM (exit 143) need something that a
    // stop must wait for: a chat send in flight. Those tests are in notify.telegram.StopTimeoutTest.

    /** The port the child bound for http.port 0, from its start-up log line. */
    private static int port(HeraldProcess p) {
        await().atMost(Duration.ofSeconds(30)).until(() -> p.stderr().contains("/healthz"));
        Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/healthz").matcher(p.stderr());
        assertThat(m.find()).as(p.stderr()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static int status(int port) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(5)).build();
            return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
