package net.outageherald.chart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Not a test: renders a 24 h series at 1-minute samples (1,440 points) a few times and prints how long a render
 * takes and how big the PNG is, and leaves the charts in a folder for a person to look at.
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=net.outageherald.chart.ChartBench -Dexec.classpathScope=test
 * [-Dexec.args=/tmp/charts]}
 */
public final class ChartBench {

    private ChartBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"), "herald-charts");
        Files.createDirectories(out);
        VisibilityChart renderer = new VisibilityChart();
        List<VisibilitySample> day = ChartSamples.day(Duration.ofMinutes(1), null);
        ChartRequest ongoing = ChartRequest.of("North Korea (KP)", day,
                Optional.of(OutageInterval.ongoing(ChartSamples.OUTAGE_START)), ChartWindow.lastDay(ChartSamples.NOW));

        // the first renders load fonts and warm the JIT; measure the ones after
        for (int i = 0; i < 5; i++) {
            renderer.render(ongoing);
        }
        int runs = 20;
        long started = System.nanoTime();
        ChartResult result = null;
        for (int i = 0; i < runs; i++) {
            result = renderer.render(ongoing);
        }
        double millis = (System.nanoTime() - started) / 1e6 / runs;
        long coldStart = System.nanoTime();
        ChartResult.Png png = (ChartResult.Png) result;
        System.out.printf("%d samples: %.1f ms per render (mean of %d, warm), PNG %,d bytes (%d x %d)%n",
                day.size(), millis, runs, png.bytes().length, png.width(), png.height());
        Files.write(out.resolve("kp-ongoing-24h.png"), png.bytes());

        Instant end = Instant.parse("2014-12-22T19:45:00Z");
        List<VisibilitySample> restored = ChartSamples.day(Duration.ofMinutes(1), end);
        OutageInterval over = new OutageInterval(ChartSamples.OUTAGE_START, end);
        write(renderer, out.resolve("kp-restored-around.png"), ChartRequest.of("North Korea (KP)", restored,
                Optional.of(over), ChartWindow.around(over, Duration.ofHours(2), ChartSamples.NOW)));
        write(renderer, out.resolve("as-no-outage-5min.png"), ChartRequest.of("AS131279 Star Joint Venture Co. Ltd.",
                ChartSamples.day(Duration.ofMinutes(5), ChartSamples.OUTAGE_START), Optional.empty(),
                ChartWindow.lastDay(ChartSamples.NOW)));
        write(renderer, out.resolve("long-title.png"), ChartRequest.of(
                "AS4837 CHINA UNICOM China169 Backbone, CN (China Unicom Beijing Province Network)",
                restored, Optional.of(over), ChartWindow.lastDay(ChartSamples.NOW)));
        System.out.printf("charts written to %s (%.0f ms for the last four)%n", out, (System.nanoTime() - coldStart) / 1e6);
    }

    private static void write(VisibilityChart renderer, Path file, ChartRequest request) throws Exception {
        ChartResult result = renderer.render(request);
        if (result instanceof ChartResult.Png png) {
            Files.write(file, png.bytes());
        } else {
            System.out.println(file.getFileName() + ": " + result);
        }
    }
}
