package net.outageherald.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.outageherald.model.Message;
import net.outageherald.model.Status;
import net.outageherald.model.TargetParser;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /status of targets too large to check live: answered from the last poll, or refused with the way to
 * follow them, and in either case without a single RIPEstat request.
 */
class StatusOfLargeTargetsTest {

    private static final String[] THREE = {"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"};

    @TempDir
    Path dir;
    private Harness h;
    /** Treats more than two prefixes as too many to check live, so three make a large target. */
    private ChatCommands commands;

    @BeforeEach
    void setUp() throws Exception {
        h = new Harness(dir, "AS64500", """
                detection:
                  spread-polls: false
                  partial-min-prefixes: 1   # one dark prefix of three is this test's partial outage
                notify:
                  console: false
                ripestat:
                  max-attempts: 1
                """);
        h.ripestat.as(64500, "BIG-AS", 12, THREE);
        h.ripestat.as(64501, "OTHER-BIG", 12, THREE);
        commands = new CommandService(new TargetParser(), h.app().subscriptions(), h.app().checker(),
                h.app().database(), h.clock, Duration.ofMinutes(1), 2);
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void aCountryNotResolvedYetIsNotResolvedLive() throws Exception {
        h.ripestat.country("US", 64500L, 64501L);
        drainRequests();

        Reply r = commands.status("United States");

        assertThat(r.ok()).isFalse();
        assertThat(r.message().headline()).isEqualTo("Too large to check live");
        assertThat(r.message().summary()).contains("United States (US)", "/subscribe US to follow it");
        assertThat(drainRequests()).as("RIPEstat requests").isEmpty();
        Optional<TargetRecord> stored = h.app().database().inTransaction(tx -> new TargetRepository().find(tx, "US"));
        assertThat(stored).as("a resolution would have stored the country").isEmpty();
    }

    @Test
    void aWatchedLargeTargetIsAnsweredFromTheLastPoll() throws Exception {
        h.poll(3);
        h.ripestat.seenBy(THREE[2], 0);
        h.poll(4);
        h.clock.advance(Duration.ofMinutes(5)); // the poller's state is no longer fresh: a small target would go live
        drainRequests();

        Reply r = commands.status("AS64500");

        assertThat(drainRequests()).as("RIPEstat requests").isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.message().status()).isEqualTo(Status.PARTIAL);
        assertThat(r.message().headline()).isEqualTo("AS64500 BIG-AS is partly offline");
        assertThat(r.message().summary()).contains("2 of 3 prefixes visible",
                "has 3 prefixes, too many to check live, so this is what the last poll saw, 5 min ago");
        assertThat(value(r.message(), "Prefixes dark")).isEqualTo(THREE[2]);
        assertThat(value(r.message(), "Checked")).startsWith("by the last poll");
        assertThat(value(r.message(), "Outage since")).contains("so far");
    }

    @Test
    void aLargeTargetNobodyWatchesIsRefusedWithTheWayToFollowIt() throws Exception {
        Reply first = commands.status("AS64501"); // not resolved yet: an AS costs two requests to resolve
        assertThat(first.ok()).isTrue();
        h.clock.advance(Duration.ofMinutes(5));
        drainRequests();

        Reply second = commands.status("AS64501");

        assertThat(drainRequests()).as("RIPEstat requests").isEmpty();
        assertThat(second.ok()).isFalse();
        assertThat(second.message().headline()).isEqualTo("Too large to check live");
        assertThat(second.message().summary()).contains("AS64501 OTHER-BIG has 3 prefixes", "/subscribe AS64501");
    }

    @Test
    void aLiveCheckThatLooksAtASampleSaysSo() throws Exception {
        String[] many = IntStream.range(0, 70).mapToObj(i -> "10." + i + ".0.0/16").toArray(String[]::new);
        h.ripestat.as(64502, "HUGE", 12, many);
        ChatCommands usual = h.app().commands();

        Reply r = usual.status("AS64502");

        assertThat(r.message().summary()).contains("Only 64 of its 70 prefixes were checked live.");
    }

    @Test
    void aSmallTargetIsStillCheckedLive() throws Exception {
        h.ripestat.as(64503, "SMALL", 12, THREE[0]);
        drainRequests();

        Reply r = commands.status("AS64503");

        assertThat(r.message().headline()).isEqualTo("AS64503 SMALL is online");
        assertThat(value(r.message(), "Checked")).startsWith("live");
        assertThat(drainRequests()).isNotEmpty();
    }

    private List<String> drainRequests() throws InterruptedException {
        return h.ripestat.takeRequestPaths(10_000);
    }

    private static String value(Message m, String name) {
        return m.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().value();
    }
}
