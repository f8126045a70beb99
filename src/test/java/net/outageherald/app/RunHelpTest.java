package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The exit codes are a contract with supervisors: {@code run --help} and the README state the same ones. */
class RunHelpTest {

    @Test
    void runHelpAndTheReadmeListEveryExitCode() throws Exception {
        StringWriter out = new StringWriter();
        int code = Main.execute(new String[] {"run", "--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter()));
        String help = out.toString().replaceAll("\\s+", " ");
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");

        assertThat(code).isZero();
        assertThat(help).contains("0 stopped cleanly", "2 bad config", "4 could not start",
                "5 the stop took longer than shutdown.timeout", "143 SIGTERM, 130 SIGINT");
        assertThat(readme).contains("0 stopped cleanly", "2 bad config", "4 could not start",
                "5 the stop took longer than `shutdown.timeout`", "143 after SIGTERM, 130 after Ctrl-C");
    }
}
