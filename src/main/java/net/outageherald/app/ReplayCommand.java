package net.outageherald.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.outageherald.model.InvalidTargetException;
import net.outageherald.model.Target;
import net.outageherald.model.TargetParser;
import net.outageherald.ops.LogSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code replay FILE}: a recorded RIS Live capture through our detection, printing what would be told. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Feeds a recorded RIS Live capture (JSON lines of ris_message, plain or .gz) through the same "
                + "routing table, detection and messages as the service, on the capture's own clock, and prints every "
                + "message it would have sent, dated as on the day. Use it to try thresholds on a real event.",
                "The watch list comes from --watch, else the config; AS and prefix targets resolve from the capture "
                        + "itself (no RIPEstat), so a country cannot be replayed.",
                "Exit codes: 0 replayed, 2 bad config, option or file."})
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the capture")
    Path file;

    @Option(names = "--speed", paramLabel = "N|max", defaultValue = "max",
            description = "capture seconds per real second (60: an hour in a minute), or max (default)")
    String speed;

    @Option(names = "--watch", paramLabel = "TARGET", split = ",",
            description = "what to watch instead of the config's list (AS13335, 1.1.1.0/24); may repeat")
    List<String> watch = new ArrayList<>();

    @Mixin
    ConfigOption config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        HeraldConfig cfg = config.loadOrReport(System.getenv(), err, "");
        if (cfg == null) {
            return ExitCode.BAD_CONFIG;
        }
        LogSetup.apply(cfg.logging().format(), "WARN");
        double pace;
        try {
            pace = "max".equalsIgnoreCase(speed.strip()) ? 0 : Double.parseDouble(speed.strip());
        } catch (NumberFormatException e) {
            pace = Double.NaN;
        }
        if (Double.isNaN(pace) || Double.isInfinite(pace) || pace < 0 || (pace == 0 && !"max".equalsIgnoreCase(speed.strip()))) {
            err.println("error: --speed '" + speed + "' is not a speed; use a number above 0 (60: an hour of the"
                    + " capture in a minute), or --speed max");
            return ExitCode.BAD_CONFIG;
        }
        List<Target> targets = new ArrayList<>();
        TargetParser parser = new TargetParser();
        try {
            for (String w : watch) {
                targets.add(parser.parse(w));
            }
        } catch (InvalidTargetException e) {
            err.println("error: --watch: " + e.getMessage());
            return ExitCode.BAD_CONFIG;
        }
        if (targets.isEmpty()) {
            targets.addAll(cfg.watch());
        }
        if (targets.isEmpty()) {
            err.println("error: nothing to watch; name targets with --watch AS13335 or in the config's watch list");
            return ExitCode.BAD_CONFIG;
        }
        for (Target t : targets) {
            if (t instanceof Target.Land) {
                err.println("error: " + t.key() + " is a country: a replay resolves targets from the capture, so "
                        + "watch its ASes or prefixes instead");
                return ExitCode.BAD_CONFIG;
            }
        }
        if (!Files.isRegularFile(file)) {
            err.println("error: " + file + " is not a file; record a capture as the README shows");
            return ExitCode.BAD_CONFIG;
        }
        PrintStream out = new PrintStream(new LineWriterStream(spec.commandLine().getOut()), true,
                StandardCharsets.UTF_8);
        Path scratch = Files.createTempDirectory("herald-replay");
        try {
            long start = System.nanoTime();
            Replay.Summary s = new Replay(cfg, targets, pace, out).run(file, scratch);
            out.printf("replayed %,d messages (%s to %s, capture time) in %.1f s: %d messages would have been sent"
                            + "%s%n", s.messages(), s.first(), s.last(),
                    Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0, s.messagesTold(),
                    s.badLines() > 0 ? "; " + s.badLines() + " unreadable lines skipped" : "");
            return 0;
        } catch (NoSuchFileException e) {
            err.println("error: cannot read " + file);
            return ExitCode.BAD_CONFIG;
        } catch (java.io.IOException e) {
            // a gzip cut short (an interrupted curl), a file that is not text: say which and what to do
            err.println("error: cannot read " + file + " to its end (" + e.getMessage() + "); if the recording was"
                    + " cut short, record it again or use the part before the break (zcat FILE > part.jsonl)");
            return ExitCode.BAD_CONFIG;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.BAD_CONFIG;
        } finally {
            deleteQuietly(scratch);
        }
    }

    /** Hands whole lines of UTF-8 to the command line's writer, so tests and the terminal see the same text. */
    private static final class LineWriterStream extends java.io.OutputStream {
        private final PrintWriter to;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LineWriterStream(PrintWriter to) {
            this.to = to;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            to.print(line.toString(StandardCharsets.UTF_8));
            to.flush();
            line.reset();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a scratch folder left in the temp dir is harmless
        }
    }
}
