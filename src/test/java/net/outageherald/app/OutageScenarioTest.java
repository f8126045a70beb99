package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import net.outageherald.model.Event;
import net.outageherald.testing.FakeRipeStat.Failure;
import net.outageherald.store.Database;
import net.outageherald.store.EventRepository;
import net.outageherald.store.Outage;
import net.outageherald.store.OutageRepository;
import net.outageherald.testing.Harness;
import net.outageherald.testing.NotifyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The spine end to end: fake RIPEstat → poll → detection → database → console messages. */
class OutageScenarioTest {

    private static final String FAST = """
            detection:
              spread-polls: false
            ripestat:
              retry-backoff: 1ms
              retry-backoff-max: 5ms
              read-timeout: 1s
              max-attempts: 2
            """;
    private static final String[] PREFIXES = {"175.45.176.0/24", "175.45.177.0/24", "175.45.178.0/24",
            "175.45.179.0/24"};

    @TempDir
    Path dir;

    private Harness h;

    private Harness harness() throws Exception {
        h = new Harness(dir, "AS131279", FAST);
        h.ripestat.as(131279, "STAR-KP Ryugyong-dong Potonggang-guyok, KP", 20, PREFIXES);
        return h;
    }

    @AfterEach
    void close() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    private void allSeenBy(int peers) {
        for (String p : PREFIXES) {
            h.ripestat.seenBy(p, peers);
        }
    }

    @Test
    void anAsWhoseFourPrefixesGoDarkIsReportedOnceAndItsRestorationOnceWithTheDuration() throws Exception {
        // GIVEN an AS with four /24s, seen normally for three polls
        harness().poll(3);
        assertThat(h.console()).isEmpty();
        // WHEN all four go dark for five polls (the first dark poll is at 15:04)
        allSeenBy(0);
        h.poll(5);
        // THEN exactly one outage message
        assertThat(h.count("is offline")).isEqualTo(1);
        assertThat(h.console()).contains("AS131279 STAR-KP", "All 4 prefixes (1,024 IPv4 addresses)",
                "175.45.176.0/24", "0 RIS peers (normally 20)", "AS4837", "22 Dec 15:04 UTC");
        // WHEN they return (at 15:09) and stay
        allSeenBy(20);
        h.poll(5);
        // THEN exactly one restoration, with the outage's full length
        assertThat(h.count("is back online")).isEqualTo(1);
        assertThat(h.console()).contains("is back online after 5 min");
        assertThat(h.count("is offline")).isEqualTo(1);
        System.out.println(h.console()); // for a reader of the test report
    }

    @Test
    void somePrefixesDarkIsPartialAndItsEscalationToDownIsReported() throws Exception {
        harness().poll(3);
        // WHEN two of the four /24s go dark
        h.ripestat.seenBy(PREFIXES[0], 0);
        h.ripestat.seenBy(PREFIXES[1], 0);
        h.poll(4);
        // THEN a partial outage
        assertThat(h.count("is partly offline")).isEqualTo(1);
        assertThat(h.console()).contains("2 of 4 prefixes (512 IPv4 addresses) are no longer visible",
                "Dark: 2 of 4 prefixes, 50 % of the address space");
        // WHEN the rest follow
        allSeenBy(0);
        h.poll(4);
        // THEN its escalation, and no second outage
        assertThat(h.count("is now fully offline")).isEqualTo(1);
        assertThat(h.count("is partly offline")).isEqualTo(1);
    }

    @Test
    void oneDarkSlash24OfTwentyIsNoOutageThreeArePartialAndTheMessageSaysHowMuch() throws Exception {
        // GIVEN an AS of twenty /24s, seen normally
        h = new Harness(dir, "AS64500", FAST);
        List<String> prefixes = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "10.0." + i + ".0/24").toList();
        h.ripestat.as(64500, "EXAMPLE", 20, prefixes.toArray(String[]::new));
        h.poll(3);
        // WHEN one of them goes dark: 5 % of the address space, one prefix
        h.ripestat.seenBy(prefixes.get(5), 0);
        h.poll(5);
        // THEN nothing is told
        assertThat(h.console()).isEmpty();
        // WHEN two more follow: 15 %, three prefixes
        h.ripestat.seenBy(prefixes.get(6), 0);
        h.ripestat.seenBy(prefixes.get(7), 0);
        h.poll(5);
        // THEN a partial outage, saying how much of the network is dark
        assertThat(h.count("AS64500 EXAMPLE is partly offline")).isEqualTo(1);
        assertThat(h.console()).contains("3 of 20 prefixes (768 IPv4 addresses) are no longer visible",
                "Dark: 3 of 20 prefixes, 15 % of the address space", "10.0.5.0/24, 10.0.6.0/24, 10.0.7.0/24");
    }

    @Test
    void aPrefixThatFlapsForOnePollSaysNothing() throws Exception {
        harness().poll(3);
        allSeenBy(0);
        h.poll();
        allSeenBy(20);
        h.poll(5);
        h.ripestat.seenBy(PREFIXES[2], 1);
        h.poll();
        h.ripestat.seenBy(PREFIXES[2], 20);
        h.poll(5);
        // THEN nothing was decided, not only nothing sent: no outage, no event and nothing waiting to go
        Database db = h.app().database();
        List<Outage> outages = db.inTransaction(tx -> new OutageRepository().history(tx, "AS131279", 10));
        List<Event> events = db.inTransaction(tx -> new EventRepository().recent(tx, "AS131279", 10));
        assertThat(outages).isEmpty();
        assertThat(events).isEmpty();
        assertThat(NotifyHarness.outboxStates(db)).isEmpty();
        assertThat(h.console()).isEmpty();
    }

    @ParameterizedTest
    // BLANK answers are not failures but the source's word; BlankSourceScenarioTest covers them
    @EnumSource(value = Failure.class, names = {"NONE", "BLANK"}, mode = EnumSource.Mode.EXCLUDE)
    void aFailingSourceIsUnknownNeverDownAndDegradesOnceThenRecoversOnce(Failure failure) throws Exception {
        harness().poll(3);
        // WHEN RIPEstat fails for many polls (and the network would look dark if we believed it)
        allSeenBy(0);
        h.ripestat.fail(failure);
        h.poll(20);
        // THEN no outage, one degraded notice
        assertThat(h.console()).doesNotContain("offline");
        assertThat(h.count("Monitoring of AS131279 .* is degraded")).isEqualTo(1);
        // WHEN it answers again with the network fine
        allSeenBy(20);
        h.ripestat.fail(Failure.NONE);
        h.poll(3 + 30); // the endpoint's own back-off may need a few minutes to end
        // THEN one recovery and still no outage
        assertThat(h.count("Monitoring of AS131279 .* has recovered")).isEqualTo(1);
        assertThat(h.console()).doesNotContain("offline");
    }

    @Test
    void aPrefixWithAnUnreadableAnswerIsUnknownWhileTheOthersAreStillJudged() throws Exception {
        // GIVEN an AS of twenty /24s, seen normally
        h = new Harness(dir, "AS64500", FAST);
        List<String> prefixes = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "10.0." + i + ".0/24").toList();
        h.ripestat.as(64500, "EXAMPLE", 20, prefixes.toArray(String[]::new));
        h.poll(3);
        // WHEN RIPEstat answers garbage for the first of them, every round, and ten others go dark
        h.ripestat.failFor(prefixes.get(0), Failure.INVALID_JSON);
        prefixes.subList(10, 20).forEach(p -> h.ripestat.seenBy(p, 0));
        h.poll(5);
        // THEN that one prefix is unknown, the other nineteen are still observed: the outage is seen
        assertThat(h.count("AS64500 EXAMPLE is partly offline")).isEqualTo(1);
        assertThat(h.console()).contains("10 of 19 prefixes").doesNotContain("degraded");
    }

    @Test
    void aRestartInTheMiddleOfAnOutageNeitherRepeatsItNorShortensIt() throws Exception {
        harness().poll(3);
        allSeenBy(0);
        h.poll(4);
        assertThat(h.count("is offline")).isEqualTo(1);
        // WHEN the service restarts on the same database, still dark
        h.restart();
        h.poll(10);
        // THEN no second outage message
        assertThat(h.count("is offline")).isEqualTo(1);
        // WHEN it comes back: the restoration counts from the first dark poll (15:04 to 15:18)
        allSeenBy(20);
        h.poll(3);
        assertThat(h.console()).contains("is back online after 14 min");
    }
}
