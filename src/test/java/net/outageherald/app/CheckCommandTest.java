package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import net.outageherald.testing.FakeRipeStat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check TARGET}: monitoring-plugin exit codes and the facts printed. */
class CheckCommandTest {

    @TempDir
    Path dir;

    private FakeRipeStat ripestat;
    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        ripestat = new FakeRipeStat(Clock.systemUTC());
        ripestat.as(64500, "EXAMPLE-AS Example Networks", 12, "192.0.2.0/24", "198.51.100.0/24");
        config = dir.resolve("herald.yaml");
        Files.writeString(config, "ripestat:\n  url: " + ripestat.baseUrl() + "\n  retry-backoff: 1ms\n"
                + "  max-attempts: 1\ndatabase:\n  url: jdbc:sqlite:" + dir.resolve("db.sqlite") + "\n");
    }

    @AfterEach
    void tearDown() throws Exception {
        ripestat.close();
    }

    private int check(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--config";
        all[args.length + 2] = config.toString();
        return Main.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aVisibleAsIsUpWithExitCodeZero() {
        assertThat(check("AS64500")).isEqualTo(0);
        assertThat(out.toString()).contains("UP: AS64500 EXAMPLE-AS Example Networks is online",
                "2 watched, 2 observed, 0 failed, 0 dark", "seen by 12 RIS peers");
    }

    @Test
    void aPartlyDarkAsIsPartialWithExitCodeOne() {
        // two dark of three: partial-min-prefixes (2) and partial-fraction are met, down-fraction is not
        ripestat.as(64500, "EXAMPLE-AS Example Networks", 12, "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24");
        ripestat.seenBy("198.51.100.0/24", 0);
        ripestat.seenBy("203.0.113.0/24", 0);
        assertThat(check("as64500")).isEqualTo(1);
        assertThat(out.toString()).contains("PARTIAL", "dark: 198.51.100.0/24 seen by 0 peers");
    }

    @Test
    void aDarkAsIsDownWithExitCodeTwo() {
        ripestat.seenBy("192.0.2.0/24", 0);
        ripestat.seenBy("198.51.100.0/24", 0);
        assertThat(check("AS 64500")).isEqualTo(2);
        assertThat(out.toString()).startsWith("DOWN:");
    }

    @Test
    void aFailingSourceIsUnknownWithExitCodeThree() {
        ripestat.fail(FakeRipeStat.Failure.HTTP_500);
        assertThat(check("AS64500")).isEqualTo(3);
        assertThat(out.toString()).startsWith("UNKNOWN:");
    }

    @Test
    void aBlankLookingGlassIsUnknownWithExitCodeThreeNotDown() {
        // WHEN RIPEstat answers every looking-glass call with no routes, the canary's included
        ripestat.fail(FakeRipeStat.Failure.BLANK);
        // THEN the check does not call the AS down, and says why
        assertThat(check("AS64500")).isEqualTo(3);
        assertThat(out.toString()).startsWith("UNKNOWN:").contains("RIPEstat looks blank: the canary 193.0.0.0/21");
    }

    @Test
    void aMalformedTargetOrOptionIsUnknownWithExitCodeThreeAndSaysWhy() {
        assertThat(check("12345")).isEqualTo(3);
        assertThat(err.toString()).contains("write AS12345");
        assertThat(check("AS64500", "--bogus")).isEqualTo(3);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
        assertThat(check("not a country")).isEqualTo(3);
        assertThat(err.toString()).contains("is not an AS, a prefix or a country");
    }

    @Test
    void aBrokenConfigIsUnknownAndListsEveryProblem() throws Exception {
        Files.writeString(config, "detecton:\n  poll-interval: 5x\nripestat:\n  max-in-flight: 99\n");
        assertThat(check("AS64500")).isEqualTo(3);
        assertThat(err.toString()).contains("detecton", "max-in-flight");
    }
}
