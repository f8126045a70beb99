package net.outageherald.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class VisibilityChartTest {

    private static final Instant END = Instant.parse("2014-12-22T19:45:00Z");
    private static final OutageInterval OVER = new OutageInterval(ChartSamples.OUTAGE_START, END);
    private static final ChartWindow DAY = ChartWindow.lastDay(ChartSamples.NOW);

    private final VisibilityChart renderer = new VisibilityChart();

    private static ChartRequest restoredDay() {
        return ChartRequest.of("North Korea (KP)", ChartSamples.day(Duration.ofMinutes(5), END), Optional.of(OVER), DAY);
    }

    private BufferedImage png(ChartRequest request) throws IOException {
        ChartResult result = renderer.render(request);
        assertThat(result).isInstanceOf(ChartResult.Png.class);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(((ChartResult.Png) result).bytes()));
        assertThat(image).as("the bytes decode as an image").isNotNull();
        return image;
    }

    /** The same chart's layout, to turn times and values into pixel positions. */
    private XYChart layout(ChartRequest request) {
        return renderer.draw(request, VisibilityChart.inWindow(request)).chart();
    }

    private static List<String> names(XYChart chart) {
        return chart.getSeriesCollection().stream().map(org.knowm.xchart.XYSeries::getName).toList();
    }

    private static int x(XYChart chart, Instant t) {
        return (int) Math.round(chart.getScreenXFromChart(t.toEpochMilli()));
    }

    /** The share of pixels in column {@code x}, between 10 % and 90 % of the left axis, that are tinted red. */
    private static double redShare(BufferedImage image, XYChart chart, int x) {
        int top = (int) Math.round(chart.getScreenYFromChart(90));
        int bottom = (int) Math.round(chart.getScreenYFromChart(10));
        int red = 0;
        for (int y = top; y <= bottom; y++) {
            int rgb = image.getRGB(x, y);
            int r = rgb >> 16 & 0xFF;
            int g = rgb >> 8 & 0xFF;
            int b = rgb & 0xFF;
            if (r - g > 30 && r - b > 30) {
                red++;
            }
        }
        return (double) red / (bottom - top + 1);
    }

    @Test
    void isAnEightHundredByFourHundredPngFullOfDetail() throws IOException {
        BufferedImage image = png(restoredDay());

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        // text, three lines, a band and anti-aliasing: an empty or blank plot has a handful
        assertThat(colours).hasSizeGreaterThan(100);
    }

    @Test
    void aChartOfOurOwnWatchShowsRisPeersAndCreditsRis() {
        XYChart chart = layout(restoredDay());

        assertThat(names(chart)).contains("Visible %", VisibilityChart.PEERS, VisibilityChart.BASELINE);
        assertThat(chart.getYAxisGroupTitle(0)).isEqualTo("Address space visible (%)");
        assertThat(restoredDay().attribution()).isEqualTo("Data: RIPE NCC RIS");
    }

    @Test
    void aCountryWatchedThroughIodaIsLabelledAndCreditedAsIodaWithNoPeerLines() throws IOException {
        ChartRequest ioda = ChartRequest.of("China (CN)", ChartSamples.day(Duration.ofMinutes(5), END),
                Optional.of(OVER), DAY, ChartSource.IODA_SIGNAL);

        XYChart chart = layout(ioda);

        assertThat(names(chart)).as("IODA has no peer counts: no line at 0 peers")
                .doesNotContain(VisibilityChart.PEERS, VisibilityChart.BASELINE, "Visible %")
                .contains("IODA BGP signal, % of usual");
        assertThat(chart.getYAxisGroupTitle(0)).isEqualTo("IODA BGP signal, share of usual level (%)");
        assertThat(ioda.attribution()).isEqualTo("Data: IODA, Georgia Tech");
        assertThat(png(ioda).getWidth()).isEqualTo(800);
    }

    @Test
    void theOutageBandCoversTheOutageAndNothingElse() throws IOException {
        ChartRequest request = restoredDay();
        BufferedImage image = png(request);
        XYChart chart = layout(request);
        int start = x(chart, OVER.start());
        int end = x(chart, END);
        assertThat(end - start).as("a 3.5 h band in a 24 h plot").isGreaterThan(60);

        // inside: red from top to bottom, but for the lines crossing it
        assertThat(redShare(image, chart, (start + end) / 2)).isGreaterThan(0.8);
        assertThat(redShare(image, chart, start + 6)).isGreaterThan(0.8);
        assertThat(redShare(image, chart, end - 6)).isGreaterThan(0.8);
        // just outside and far away: none
        assertThat(redShare(image, chart, start - 6)).isZero();
        assertThat(redShare(image, chart, end + 6)).isZero();
        assertThat(redShare(image, chart, x(chart, Instant.parse("2014-12-22T02:00:00Z")))).isZero();
    }

    @Test
    void anOngoingOutageRunsToTheRightEdge() throws IOException {
        ChartRequest request = ChartRequest.of("North Korea (KP)", ChartSamples.day(Duration.ofMinutes(5), null),
                Optional.of(OutageInterval.ongoing(ChartSamples.OUTAGE_START)), DAY);
        BufferedImage image = png(request);
        XYChart chart = layout(request);

        assertThat(redShare(image, chart, x(chart, ChartSamples.NOW) - 4)).isGreaterThan(0.8);
        assertThat(redShare(image, chart, x(chart, ChartSamples.OUTAGE_START) - 6)).isZero();
    }

    @Test
    void withoutAnOutageNothingIsRed() throws IOException {
        ChartRequest request = ChartRequest.of("AS131279", ChartSamples.day(Duration.ofMinutes(5), ChartSamples.OUTAGE_START),
                Optional.empty(), DAY);
        BufferedImage image = png(request);
        XYChart chart = layout(request);

        for (int x = x(chart, DAY.from()) + 2; x < x(chart, DAY.until()) - 2; x += 10) {
            assertThat(redShare(image, chart, x)).as("column %d", x).isZero();
        }
    }

    @Test
    void anOutageThatBeganBeforeTheWindowIsShadedFromItsLeftEdge() throws IOException {
        ChartWindow window = ChartWindow.around(OVER, Duration.ofHours(1), ChartSamples.NOW);
        // a window that starts inside the outage: the band is clipped, not drawn off the plot
        ChartWindow late = new ChartWindow(Instant.parse("2014-12-22T17:00:00Z"), window.until());
        ChartRequest request = ChartRequest.of("North Korea (KP)", ChartSamples.day(Duration.ofMinutes(5), END),
                Optional.of(OVER), late);
        BufferedImage image = png(request);
        XYChart chart = layout(request);

        assertThat(redShare(image, chart, x(chart, late.from()) + 4)).isGreaterThan(0.8);
        assertThat(redShare(image, chart, x(chart, END) + 6)).isZero();
    }

    @Test
    void withFewerThanTwoSamplesThereIsNoChartButAReason() {
        List<VisibilitySample> one = List.of(new VisibilitySample(ChartSamples.NOW.minusSeconds(60), 1, 300, 305));
        // samples outside the window do not count either
        List<VisibilitySample> old = ChartSamples.day(Duration.ofMinutes(5), null).subList(0, 10);
        ChartWindow lastHour = new ChartWindow(ChartSamples.NOW.minus(Duration.ofHours(1)), ChartSamples.NOW);

        for (ChartRequest request : List.of(
                ChartRequest.of("KP", List.of(), Optional.empty(), DAY),
                ChartRequest.of("KP", one, Optional.empty(), DAY),
                ChartRequest.of("KP", old, Optional.empty(), lastHour))) {
            assertThat(renderer.render(request)).isEqualTo(new ChartResult.NotDrawn(
                    ChartResult.Reason.NOT_ENOUGH_HISTORY, "not enough history yet to draw a chart"));
        }
    }

    @Test
    void aFailureToDrawComesBackAsAResultNeverAsAnException() {
        VisibilityChart broken = new VisibilityChart(image -> {
            throw new IOException("no PNG writer in this JRE");
        });

        ChartResult result = broken.render(restoredDay());

        assertThat(result).isEqualTo(new ChartResult.NotDrawn(ChartResult.Reason.FAILED,
                "could not draw the chart: no PNG writer in this JRE"));
    }

    @Test
    void runsWithoutADisplay() {
        assertThat(renderer.render(restoredDay())).isInstanceOf(ChartResult.Png.class);
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void aLongNameIsFittedToTheWidth() {
        ChartTitle title = ChartTitle.fit("AS4837 CHINA UNICOM China169 Backbone, CN (China Unicom Beijing Province "
                + "Network)", 760);

        assertThat(title.font().getSize()).isEqualTo(ChartTitle.SMALLEST);
        assertThat(title.text()).startsWith("AS4837 CHINA UNICOM").endsWith("…");
        assertThat(ChartTitle.fit("North Korea (KP)", 760).font().getSize()).isEqualTo(ChartTitle.LARGEST);
    }

    @Test
    void rendersADayAtOneMinuteSamples() {
        // not a timed assertion: the figures go to the test output for the record (2 shared cores here)
        ChartRequest request = ChartRequest.of("North Korea (KP)", ChartSamples.day(Duration.ofMinutes(1), null),
                Optional.of(OutageInterval.ongoing(ChartSamples.OUTAGE_START)), DAY);
        renderer.render(request);
        long started = System.nanoTime();
        ChartResult result = renderer.render(request);
        long micros = (System.nanoTime() - started) / 1000;

        assertThat(request.samples()).hasSize(1440);
        assertThat(result).isInstanceOfSatisfying(ChartResult.Png.class, png -> System.out.printf(
                "VisibilityChart: 1,440 samples rendered in %d ms (second render), PNG %,d bytes%n", micros / 1000,
                png.bytes().length));
    }
}
