package net.outageherald.chat.console;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints messages to a stream (stdout by default), one block per message. Its message ids
 * ({@code console-<outbox id>}) let edits and replies say which earlier message they refer to. Given a
 * folder, a message's chart is written there as {@code <outbox id>.png} and its path printed under the text;
 * a chart that cannot be written leaves the text as it is. Chart files older than the visibility history kept
 * ({@code detection.history-keep}) are deleted, at most once an hour, when a chart is written.
 */
public final class ConsoleSender implements Sender {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSender.class);

    private final PrintStream out;
    /** Default age past which chart files are deleted: {@code detection.history-keep}'s default. */
    static final Duration KEEP = Duration.ofDays(14);

    private final Path charts;
    private final ChartFiles files;

    /** Text only. */
    public ConsoleSender(PrintStream out) {
        this(out, null);
    }

    /** @param charts where charts are written, or null for text only */
    public ConsoleSender(PrintStream out, Path charts) {
        this(out, charts, KEEP, Clock.systemUTC());
    }

    /**
     * @param charts where charts are written, or null for text only
     * @param keep   how long chart files are kept (the visibility history's {@code detection.history-keep})
     */
    public ConsoleSender(PrintStream out, Path charts, Duration keep, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.charts = charts;
        this.files = charts == null ? null : new ChartFiles(charts, keep, clock);
    }

    @Override
    public boolean sendsCharts() {
        return charts != null;
    }

    public ConsoleSender() {
        this(System.out);
    }

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    @Override
    public SendResult send(Delivery delivery) {
        String id = "console-" + delivery.outboxId();
        if (delivery.action() == Delivery.Action.EDIT) {
            // a console cannot change what it printed; the restoration that follows says it all
            return new SendResult.Sent(delivery.refId());
        }
        StringBuilder block = new StringBuilder();
        if (delivery.refId() != null) {
            block.append("[").append(id).append(", in reply to ").append(delivery.refId()).append("]\n");
        } else {
            block.append("[").append(id).append("]\n");
        }
        block.append(PlainText.render(delivery.message())).append('\n');
        if (delivery.hasChart() && charts != null) {
            Path file = write(delivery);
            if (file != null) {
                block.append("Chart: ").append(file).append('\n');
            }
        }
        synchronized (out) {
            out.println(block);
            out.flush();
        }
        if (out.checkError()) {
            return new SendResult.Retry("cannot write to the console", null);
        }
        return new SendResult.Sent(delivery.action() == Delivery.Action.EDIT ? delivery.refId() : id);
    }

    /** Renders the text a send of {@code sample} would print, and prints nothing. */
    @Override
    public void warmUp(Delivery sample) {
        try {
            PlainText.render(sample.message());
        } catch (RuntimeException e) {
            LOG.debug("Console: warming up the rendering failed: {}", e.toString());
        }
    }

    /** The chart's file, or null when it cannot be written (the text goes without it). */
    private Path write(Delivery delivery) {
        Path file = charts.resolve(delivery.outboxId() + ".png").toAbsolutePath();
        try {
            return files.write(delivery.outboxId(), delivery.chart());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write the chart of message {} to {}: {}", delivery.outboxId(), file, e.toString());
            return null;
        }
    }
}
