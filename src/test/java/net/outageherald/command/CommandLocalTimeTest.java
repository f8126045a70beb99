package net.outageherald.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;
import net.outageherald.model.Platform;
import net.outageherald.model.Prefix;
import net.outageherald.store.TargetRepository;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /status, /subscribe and /history give outage times in the target's local time, by the one rule of HumanFormat. */
class CommandLocalTimeTest {

    private static final String[] KP = {"175.45.176.0/24", "175.45.177.0/24"};
    private static final String[] AS = {"192.0.2.0/24"};
    private static final String[] NL = {"198.51.100.0/24"};

    @TempDir
    Path dir;
    private Harness h;
    private ChatCommands commands;

    @BeforeEach
    void setUp() throws Exception {
        h = new Harness(dir, "KP, AS64500, AS64496", """
                detection:
                  spread-polls: false
                  suspect-after: 0
                """);
        h.ripestat.country("KP", 131279L).as(131279, "STAR-KP", 15, KP).as(64500, "EXAMPLE", 15, AS)
                .as(64496, "EXAMPLE-NL", 15, NL).asCountry(64496, "NL");
        commands = h.app().commands();
        h.poll(3);
        // both go dark at 15:04 UTC
        h.seenBy(0, KP);
        h.seenBy(0, AS);
        h.seenBy(0, NL);
        h.poll(4);
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void aCountryShowsItsOwnTimeEverywhere() {
        assertThat(value(commands.status("KP").message(), "Outage since")).startsWith("22 Dec 15:04 UTC (23 Dec 00:04 KST)");
        assertThat(commands.subscribe(new Destination(Platform.TELEGRAM, "1"), "KP").message().summary())
                .contains("(since 22 Dec 15:04 UTC (23 Dec 00:04 KST))");
        assertThat(commands.history("KP").message().summary()).startsWith("🔴 22 Dec 15:04 UTC (23 Dec 00:04 KST) → ongoing");
    }

    @Test
    void anAsWithoutACountryIsInUtcOnly() {
        assertThat(value(commands.status("AS64500").message(), "Outage since")).startsWith("22 Dec 15:04 UTC, ");
        assertThat(commands.history("AS64500").message().summary()).startsWith("🔴 22 Dec 15:04 UTC → ongoing");
    }

    @Test
    void anAsRegisteredInACountryShowsThatCountrysTimeInMessagesAndCommands() {
        // AS64496 is registered in the Netherlands (rir-stats-country): Amsterdam time, one clock, no city
        assertThat(value(commands.status("AS64496").message(), "Outage since"))
                .startsWith("22 Dec 15:04 UTC (22 Dec 16:04 CET), ");
        assertThat(commands.history("AS64496").message().summary())
                .startsWith("🔴 22 Dec 15:04 UTC (22 Dec 16:04 CET) → ongoing");
        assertThat(block("AS64496 EXAMPLE-NL is offline")).contains("Since: 22 Dec 15:04 UTC (22 Dec 16:04 CET)\n");
        // an AS whose country RIPEstat does not know is in UTC only, in its outage message too
        assertThat(block("AS64500 EXAMPLE is offline")).contains("Since: 22 Dec 15:04 UTC\n");
    }

    @Test
    void anAsWhoseCountryIsStoredShowsThatCountrysTimeAndClock() {
        h.app().database().inTransaction(tx -> {
            new TargetRepository().saveResolution(tx, "AS64500", "AS64500 EXAMPLE", "US", List.of(Prefix.parse(AS[0])),
                    h.clock.instant(), h.clock.instant());
            return null;
        });

        assertThat(value(commands.status("AS64500").message(), "Outage since"))
                .startsWith("22 Dec 15:04 UTC (22 Dec 10:04 EST, New York)");
        assertThat(commands.history("AS64500").message().summary())
                .startsWith("🔴 22 Dec 15:04 UTC (22 Dec 10:04 EST, New York) → ongoing");
    }

    /** The console message whose headline contains {@code headline}. */
    private String block(String headline) {
        String console = h.console();
        int at = console.indexOf(headline);
        assertThat(at).as("a message '%s' on the console", headline).isNotNegative();
        int end = console.indexOf("\n\n", at);
        return console.substring(at, end < 0 ? console.length() : end + 1);
    }

    private static String value(Message m, String name) {
        return m.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().value();
    }
}
