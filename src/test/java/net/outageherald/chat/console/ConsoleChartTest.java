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

    private static Path aged(Path folder, String name, java.time.Instant changed) throws Exception {
        Path file = Files.write(folder.resolve(name), TinyPng.bytes());
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(changed));
        return file;
    }

    @Test
    void chartFilesOlderThanTheHistoryKeptAreDeletedAtMostOnceAnHour() throws Exception {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        net.outageherald.testing.MutableClock clock = new net.outageherald.testing.MutableClock(now);
        Path charts = Files.createDirectories(dir.resolve("charts"));
        java.time.Duration keep = java.time.Duration.ofDays(14);
        Path old = aged(charts, "5.png", now.minus(keep).minusSeconds(60));
        Path recent = aged(charts, "6.png", now.minus(keep).plusSeconds(60));
        Path notOurs = aged(charts, "logo.png", now.minus(keep).minusSeconds(60));
        ConsoleSender console = new ConsoleSender(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), charts, keep, clock);

        console.send(new Delivery(12, Destination.console(), Delivery.Action.SEND, OUTAGE, null, TinyPng.bytes()));

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(notOurs).as("only files named as the console writes them").exists();
        assertThat(charts.resolve("12.png")).exists();

        Path later = aged(charts, "7.png", now.minus(keep).minusSeconds(60));
        clock.advance(java.time.Duration.ofMinutes(30));
        console.send(new Delivery(13, Destination.console(), Delivery.Action.SEND, OUTAGE, null, TinyPng.bytes()));
        assertThat(later).as("not looked through again within the hour").exists();

        clock.advance(java.time.Duration.ofMinutes(31));
        console.send(new Delivery(14, Destination.console(), Delivery.Action.SEND, OUTAGE, null, TinyPng.bytes()));
        assertThat(later).doesNotExist();
        assertThat(recent).as("past the 14 days kept by now").doesNotExist();
        assertThat(charts.resolve("12.png")).exists();
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
