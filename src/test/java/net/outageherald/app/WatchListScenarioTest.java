package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.Target;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is watched, and for how long: re-resolution during an outage, long-dark prefixes, leaving followers. */
class WatchListScenarioTest {

    private static final String FAST = "detection:\n  spread-polls: false\n  resolve-interval: 1m\n";
    private static final String[] KP = {"175.45.176.0/24", "175.45.177.0/24", "175.45.178.0/24", "175.45.179.0/24"};

    @TempDir
    Path dir;

    @Test
    void aPrefixTargetKeepsItsWithdrawnMoreSpecificsAcrossReResolutionAndIsRestored() throws Exception {
        try (Harness h = new Harness(dir, "175.45.176.0/22", FAST)) {
            // GIVEN the /22 announced only as four /24s
            h.ripestat.covering("175.45.176.0/22", 131279, 20, KP);
            h.poll(3);
            // WHEN all four are withdrawn, and the routing data stops listing them while the outage lasts
            h.seenBy(0, KP);
            h.poll(10);
            // THEN they are still watched: the outage stays known and its end is seen
            h.seenBy(20, KP);
            h.poll(3);
            assertThat(h.count("175.45.176.0/22 is offline")).isEqualTo(1);
            assertThat(h.console()).contains("175.45.176.0/22 is back online after 10 min")
                    .doesNotContain("degraded");
        }
    }

    @Test
    void aPrefixDarkForDaysDoesNotPredateAnOutageThatStartsLater() throws Exception {
        try (Harness h = new Harness(dir, "AS64500", FAST + "  partial-fraction: 0.06\n")) {
            List<String> prefixes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                prefixes.add("10.0." + i + ".0/24");
            }
            h.ripestat.as(64500, "EXAMPLE", 20, prefixes.toArray(String[]::new));
            h.poll(3);
            // GIVEN one /24 of twenty dark since 15:04 (too little for a partial outage)
            h.ripestat.seenBy(prefixes.get(0), 0);
            h.poll(10);
            assertThat(h.console()).isEmpty();
            // WHEN the whole AS drops at 15:14 and comes back at 15:18
            prefixes.forEach(p -> h.ripestat.seenBy(p, 0));
            h.poll(4);
            prefixes.forEach(p -> h.ripestat.seenBy(p, 20));
            h.poll(3);
            // THEN the outage is dated from the drop, not from the lone prefix
            assertThat(h.console()).contains("Since: 22 Dec 15:14 UTC", "is back online after 4 min");
        }
    }

    private static List<String> twenty() {
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            prefixes.add("10.0." + i + ".0/24");
        }
        return prefixes;
    }

    @Test
    void prefixesAnAsStopsAnnouncingEndTheirPartialOutageAfterADaySayingSoNotAsARestorationAfterAWeek()
            throws Exception {
        try (Harness h = new Harness(dir, "AS64500", FAST)) {
            // GIVEN an AS of twenty /24s, seen normally
            List<String> prefixes = twenty();
            h.ripestat.as(64500, "EXAMPLE", 20, prefixes.toArray(String[]::new));
            h.poll(3);
            // WHEN it stops announcing three of them at 15:03: a partial outage
            h.ripestat.withdraw(prefixes.get(0), prefixes.get(1), prefixes.get(2));
            h.poll(4);
            assertThat(h.count("AS64500 EXAMPLE is partly offline")).isEqualTo(1);
            // WHEN a day passes: RIPEstat's dumps still count them as announced within current-within (28 h)
            h.clock.advance(Duration.ofHours(20));
            h.poll(3);
            assertThat(h.console()).doesNotContain("stopped announcing", "back online");
            // WHEN more than 28 h have passed since RIPEstat last saw them, the rest still visible
            h.clock.advance(Duration.ofHours(10));
            h.poll(5);
            // THEN the outage ends once, saying what happened, and they are no longer watched
            assertThat(h.count("AS64500 EXAMPLE stopped announcing 3 prefixes: 10.0.0.0/24, 10.0.1.0/24,"
                    + " 10.0.2.0/24")).isEqualTo(1);
            assertThat(h.console()).contains("were dark for 1 day 6 h while the rest of AS64500 EXAMPLE stayed"
                    + " visible").doesNotContain("back online");
            assertThat(h.app().resolver().resolve(new Target.As(64500)).prefixes()).hasSize(17);
            h.poll(5);
            assertThat(h.count("stopped announcing")).isEqualTo(1);
            System.out.println(h.console()); // for a reader of the test report
        }
    }

    @Test
    void longWithdrawnPrefixesStayWhileTheRestOfTheTargetIsInTrouble() throws Exception {
        try (Harness h = new Harness(dir, "AS64500", FAST)) {
            List<String> prefixes = twenty();
            h.ripestat.as(64500, "EXAMPLE", 20, prefixes.toArray(String[]::new));
            h.poll(3);
            // GIVEN three prefixes withdrawn at 15:03, a partial outage
            h.ripestat.withdraw(prefixes.get(0), prefixes.get(1), prefixes.get(2));
            h.poll(4);
            // WHEN thirty hours later two more go dark (announced still: a real loss) and hold
            h.clock.advance(Duration.ofHours(30));
            h.seenBy(0, prefixes.get(10), prefixes.get(11));
            h.poll(5);
            // THEN the outage goes on: with the rest not visible, nothing is taken for withdrawn
            assertThat(h.console()).doesNotContain("stopped announcing", "back online");
            // WHEN the two come back
            h.seenBy(20, prefixes.get(10), prefixes.get(11));
            h.poll(5);
            // THEN the three are let go and the outage ends saying so
            assertThat(h.count("AS64500 EXAMPLE stopped announcing 3 prefixes")).isEqualTo(1);
            assertThat(h.console()).doesNotContain("back online");
        }
    }

    @Test
    void anAsDarkAsAWholeForDaysStaysAnOutageUntilItReturns() throws Exception {
        try (Harness h = new Harness(dir, "AS131279", FAST)) {
            h.ripestat.as(131279, "STAR-KP", 20, KP);
            h.poll(3);
            // GIVEN every prefix withdrawn at 15:03: offline
            h.ripestat.withdraw(KP);
            h.poll(4);
            assertThat(h.count("AS131279 STAR-KP is offline")).isEqualTo(1);
            // WHEN two days pass
            h.clock.advance(Duration.ofDays(2));
            h.poll(5);
            // THEN it is still an outage: its prefixes stopped together, so none counts as withdrawn
            assertThat(h.console()).doesNotContain("stopped announcing", "back online");
            // WHEN it returns
            h.seenBy(20, KP);
            h.poll(3);
            assertThat(h.count("AS131279 STAR-KP is back online after 2 days")).isEqualTo(1);
        }
    }

    @Test
    void aTargetStaysWatchedUntilItsOpenOutageEndsEvenWhenItsLastFollowerLeaves() throws Exception {
        try (Harness h = new Harness(dir, "", FAST)) {
            h.ripestat.as(131279, "STAR-KP", 20, KP);
            Destination chat = new Destination(Platform.TELEGRAM, "111");
            h.app().commands().subscribe(chat, "AS131279");
            h.poll(3);
            h.seenBy(0, KP);
            h.poll(4);
            // WHEN the only follower leaves in the middle of the outage
            h.app().commands().unsubscribe(chat, "AS131279");
            // THEN the target is still watched, so its restoration is seen (and the console hears it)
            assertThat(h.app().watchList().targets()).extracting(Target::key).containsExactly("AS131279");
            h.seenBy(20, KP);
            h.poll(3);
            assertThat(h.console()).contains("AS131279 STAR-KP is back online");
            assertThat(h.app().watchList().targets()).isEmpty();
        }
    }
}
