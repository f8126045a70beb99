package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A country resolves through its ASes to their prefixes; its messages show the local time. */
class CountryScenarioTest {

    @TempDir
    Path dir;

    @Test
    void northKoreaGoesDarkAndComesBackInItsOwnWordsAndTime() throws Exception {
        try (Harness h = new Harness(dir, "North Korea", "detection:\n  spread-polls: false\n")) {
            // GIVEN KP's one AS announcing four /24s through one upstream
            h.ripestat.country("KP", 131279L).as(131279, "STAR-KP", 15, "175.45.176.0/24", "175.45.177.0/24",
                    "175.45.178.0/24", "175.45.179.0/24");
            h.poll(3);
            // WHEN all four are withdrawn at 15:04 UTC and come back at 15:10
            for (String p : new String[] {"175.45.176.0/24", "175.45.177.0/24", "175.45.178.0/24", "175.45.179.0/24"}) {
                h.ripestat.seenBy(p, 0);
            }
            h.poll(6);
            for (String p : new String[] {"175.45.176.0/24", "175.45.177.0/24", "175.45.178.0/24", "175.45.179.0/24"}) {
                h.ripestat.seenBy(p, 15);
            }
            h.poll(3);
            // THEN the messages name the country and give Pyongyang's time beside UTC
            assertThat(h.console()).contains("🔴 North Korea (KP) is offline",
                    "Since: 22 Dec 15:04 UTC (23 Dec 00:04 KST)",
                    "🟢 North Korea (KP) is back online after 6 min");
        }
    }

    @Test
    void resolutionsAreCachedAndRefreshedAfterTheResolveInterval() throws Exception {
        try (Harness h = new Harness(dir, "AS64500", "detection:\n  spread-polls: false\n  resolve-interval: 1h\n")) {
            h.ripestat.as(64500, "EXAMPLE", 10, "192.0.2.0/24");
            h.poll(30);
            h.ripestat.as(64500, "EXAMPLE", 10, "192.0.2.0/24", "198.51.100.0/24");
            h.poll(29);
            // within the hour the cached list is used: the new prefix is not polled yet
            assertThat(h.ripestat.lookingGlassCallsFor("198.51.100.0/24")).isZero();
            h.poll(2);
            assertThat(h.ripestat.lookingGlassCallsFor("198.51.100.0/24")).isPositive();
        }
    }
}
