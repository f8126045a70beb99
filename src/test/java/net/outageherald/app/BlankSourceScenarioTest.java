package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.model.Status;
import net.outageherald.store.EventRepository;
import net.outageherald.store.TargetRepository;
import net.outageherald.testing.FakeRipeStat.Failure;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source going blank, with the looking glass alone (poll rounds): RIPEstat answering empty result sets
 * with fresh timestamps, or one round darkening many unrelated networks at once, is told to the operator once
 * and darkens nothing; a real outage is still told.
 */
class BlankSourceScenarioTest {

    private static final String FAST = """
            detection:
              spread-polls: false
            ripestat:
              retry-backoff: 1ms
              retry-backoff-max: 5ms
              max-attempts: 2
            """;
    private static final List<Long> ASES = List.of(64501L, 64502L, 64503L);

    @TempDir
    Path dir;

    private Harness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    /** Three unrelated ASes of four /24s each: 10.1.x, 10.2.x, 10.3.x. */
    private Harness threeAses() throws Exception {
        h = new Harness(dir, "AS64501, AS64502, AS64503", FAST);
        for (long asn : ASES) {
            h.ripestat.as(asn, "NET-" + asn, 20, prefixes(asn).toArray(String[]::new));
        }
        return h;
    }

    private static List<String> prefixes(long asn) {
        return IntStream.range(0, 4).mapToObj(i -> "10." + (asn - 64500) + "." + i + ".0/24").toList();
    }

    private void dark(long asn, int peers) {
        prefixes(asn).forEach(p -> h.ripestat.seenBy(p, peers));
    }

    @Test
    void aLookingGlassAnsweringBlankIsToldToTheOperatorOnceAndDarkensNothing() throws Exception {
        threeAses().poll(3);
        // WHEN every looking-glass answer comes back empty, with fresh timestamps, for twenty minutes
        h.ripestat.fail(Failure.BLANK);
        h.poll(20);

        // THEN nobody hears of an outage, and the operator hears once what is wrong and what follows from it
        assertThat(h.console()).doesNotContain("offline");
        assertThat(h.count("Outage reports on hold: the routing data looks wrong")).isEqualTo(1);
        assertThat(h.console()).contains("RIPEstat looks blank: the canary 193.0.0.0/21 (seen by 0 RIS peers,"
                + " normally 30) is not visible; 3 targets would have gone dark (AS64501, AS64502, AS64503); their"
                + " status is unknown until it answers normally. Nothing to do if it passes within minutes",
                "check that ripestat.canary is a prefix that is always visible");
        // AND the three targets are unknown (not down) past unknown-after, without a notice each
        assertThat(h.console()).doesNotContain("Monitoring of");
        for (long asn : ASES) {
            assertThat(shown("AS" + asn)).isEqualTo(Status.UNKNOWN);
        }
        // AND the notice is a monitoring event outside any outage: operators only
        Event notice = events(Event.ROUTING_DATA).get(0);
        assertThat(notice.type()).isEqualTo(EventType.MONITORING_DEGRADED);
        assertThat(notice.outageId()).isNull();

        // WHEN it answers normally again
        h.ripestat.fail(Failure.NONE);
        h.poll(3);

        // THEN the operator hears that once too, and the targets are up again without a word each
        assertThat(h.count("Outage reports resumed: the routing data looks right again")).isEqualTo(1);
        assertThat(h.console()).contains("RIPEstat answers normally again: the canary 193.0.0.0/21", "On hold for: 20 min")
                .doesNotContain("Monitoring of", "offline");
        assertThat(shown("AS64501")).isEqualTo(Status.UP);

        // AND a real outage afterwards is told as usual
        dark(64501, 0);
        h.poll(4);
        assertThat(h.count("NET-64501 is offline")).isEqualTo(1);
        assertThat(h.count("Outage reports on hold")).isEqualTo(1);
        System.out.println(h.console()); // for a reader of the test report
    }

    @Test
    void aBlankLookingGlassIsCaughtByTheCanaryAloneWhenOneTargetIsWatched() throws Exception {
        // GIVEN one AS watched: the mass-darkening check cannot trip
        h = new Harness(dir, "AS64501", FAST);
        h.ripestat.as(64501, "NET-64501", 20, prefixes(64501).toArray(String[]::new));
        h.poll(3);
        // WHEN the looking glass answers blank
        h.ripestat.fail(Failure.BLANK);
        h.poll(5);
        // THEN the canary tells it from an outage
        assertThat(h.console()).doesNotContain("offline").contains("the canary 193.0.0.0/21 (seen by 0 RIS peers,"
                + " normally 30) is not visible; 1 target would have gone dark (AS64501)");
    }

    @Test
    void manyUnrelatedTargetsDarkInOneRoundAreHeldBackWhileTwoAreTold() throws Exception {
        threeAses().poll(3);
        // WHEN all three ASes go dark in the same round, the canary still visible
        ASES.forEach(asn -> dark(asn, 0));
        h.poll(5);

        // THEN no outage is told; the operator hears why, once
        assertThat(h.console()).doesNotContain("offline");
        assertThat(h.count("Outage reports on hold")).isEqualTo(1);
        assertThat(h.console()).contains("The routing data looks wrong: 3 targets with no prefix in common would"
                + " have gone dark in the same round (AS64501, AS64502, AS64503)", "raise detection.suspect-after");

        // WHEN they are seen again
        ASES.forEach(asn -> dark(asn, 20));
        h.poll(3);
        assertThat(h.count("Outage reports resumed")).isEqualTo(1);

        // WHEN two of them go dark together: fewer than suspect-after (3)
        dark(64501, 0);
        dark(64502, 0);
        h.poll(4);

        // THEN both outages are told
        assertThat(h.count("NET-6450[12] is offline")).isEqualTo(2);
        assertThat(h.count("Outage reports on hold")).isEqualTo(1);
    }

    @Test
    void targetsThatShareTheirPrefixesGoingDarkTogetherAreOneNetworkAndTold() throws Exception {
        // GIVEN North Korea watched three ways: the country, its AS and its /22, all the same four /24s
        h = new Harness(dir, "KP, AS131279, 175.45.176.0/22", FAST);
        String[] kp = {"175.45.176.0/24", "175.45.177.0/24", "175.45.178.0/24", "175.45.179.0/24"};
        h.ripestat.country("KP", 131279L).as(131279, "STAR-KP", 20, kp).covering("175.45.176.0/22", 131279, 20, kp);
        h.poll(3);
        // WHEN all four go dark
        h.seenBy(0, kp);
        h.poll(4);
        // THEN three targets went dark in one round, but they are one network: all three outages are told
        assertThat(h.count("is offline")).isEqualTo(3);
        assertThat(h.console()).doesNotContain("on hold");
    }

    private Status shown(String key) {
        return h.app().database().inTransaction(tx -> new TargetRepository().find(tx, key)).orElseThrow()
                .state().shown();
    }

    private List<Event> events(String key) {
        return h.app().database().inTransaction(tx -> new EventRepository().recent(tx, key, 10));
    }
}
