package net.outageherald.chat.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;
import net.outageherald.model.Status;
import net.outageherald.outbox.SendResult;
import net.outageherald.testing.TinyPng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Console mode: a chart is a PNG file in the charts folder, its path printed under the text. */
class ConsoleChartTest {

    private static final Message OUTAGE = Message.text(Status.DOWN, "North Korea (KP) is offline", "All 4 prefixes withdrawn.");

    @TempDir
    Path dir;

    @Test
    void aChartIsWrittenAsAPngAndItsPathPrintedBesideTheText() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Path charts = dir.resolve("data/charts");
        ConsoleSender console = new ConsoleSender(new PrintStream(buffer, true, StandardCharsets.UTF_8), charts);
        byte[] png = TinyPng.bytes();

        SendResult result = console.send(new Delivery(12, Destination.console(), Delivery.Action.SEND, OUTAGE, null, png));

        Path file = charts.resolve("12.png").toAbsolutePath();
        assertThat(result).isEqualTo(new SendResult.Sent("console-12"));
        assertThat(Files.readAllBytes(file)).isEqualTo(png);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("🔴 North Korea (KP) is offline\nAll 4 prefixes withdrawn.\n"
                + "Chart: " + file + "\n");
        assertThat(console.sendsCharts()).isTrue();
    }

    @Test
    void aChartThatCannotBeWrittenLeavesTheTextAsItIs() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        ConsoleSender console = new ConsoleSender(new PrintStream(buffer, true, StandardCharsets.UTF_8), notAFolder);

        SendResult result = console.send(new Delivery(13, Destination.console(), Delivery.Action.SEND, OUTAGE, null,
                TinyPng.bytes()));

        assertThat(result).isEqualTo(new SendResult.Sent("console-13"));
        assertThat(buffer.toString(StandardCharsets.UTF_8)).isEqualTo("[console-13]\n" + PlainText.render(OUTAGE) + "\n\n");
    }

    @Test
    void withoutAFolderTheConsoleTakesNoCharts() {
        assertThat(new ConsoleSender(new PrintStream(new ByteArrayOutputStream())).sendsCharts()).isFalse();
    }
}
