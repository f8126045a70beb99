package net.outageherald.chat.console;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Console mode's chart files ({@code <outbox id>.png}, about 40 KB each): written into the folder, and those last
 * changed longer than {@code keep} ago deleted, at most once an hour when a chart is written, so that the folder
 * does not grow without end. Only files named as this writes them are deleted; anything else there is left alone.
 */
final class ChartFiles {

    /** How often the folder is looked through at most. */
    static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(ChartFiles.class);

    private final Path folder;
    private final Duration keep;
    private final Clock clock;
    private Instant lastPrune = Instant.MIN;

    ChartFiles(Path folder, Duration keep, Clock clock) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath();
        this.keep = Objects.requireNonNull(keep, "keep");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Writes the chart of outbox row {@code outboxId}; gives its file. */
    Path write(long outboxId, byte[] png) throws IOException {
        Path file = folder.resolve(outboxId + ".png");
        Files.createDirectories(folder);
        Files.write(file, png);
        pruneIfDue();
        return file;
    }

    /** Deletes the chart files older than {@code keep}, unless that was done within the last hour. */
    synchronized void pruneIfDue() {
        Instant now = clock.instant();
        if (lastPrune.plus(PRUNE_EVERY).isAfter(now)) {
            return;
        }
        lastPrune = now;
        Instant before = now.minus(keep);
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.png")) {
            for (Path f : files) {
                if (f.getFileName().toString().matches("\\d+\\.png")
                        && Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not delete old charts in {}: {}", folder, e.toString());
            return;
        }
        if (deleted > 0) {
            LOG.info("Deleted {} chart files older than {} from {}", deleted, keep, folder);
        }
    }
}
