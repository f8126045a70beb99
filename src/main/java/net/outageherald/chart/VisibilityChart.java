package net.outageherald.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.Styler.YAxisPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws a target's visibility as an 800×400 PNG for a chat message, legible on a phone: the share of its address
 * space visible (left axis, %), the RIS peers seeing it and how many usually do (right axis), and the outage as a
 * translucent red band. A country watched through IODA ({@link ChartSource#IODA_SIGNAL}) has IODA's share of its
 * usual level on the left axis, labelled and credited as IODA's, and no peer lines. Times are UTC. {@link #render} never throws: a chart that cannot be drawn comes back as
 * {@link ChartResult.NotDrawn} with the reason, so the text message goes out without it.
 *
 * <p>Needs no display: the JVM must run headless ({@code -Djava.awt.headless=true}), which this class sets
 * itself when nothing has set it before AWT starts, and a font (the JRE images we use ship fontconfig and DejaVu).
 */
public final class VisibilityChart {

    static {
        // AWT decides once, when it first loads (java.awt.Color and Font load it, so this block comes before the
        // constants below), whether it is headless: set it before that, unless someone chose already
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public static final int WIDTH = 800;
    public static final int HEIGHT = 400;
    public static final String NOT_ENOUGH_HISTORY = "not enough history yet to draw a chart";

    static final String PEERS = "Peers seeing";
    static final String BASELINE = "Peers usually";
    static final String OUTAGE = "Outage";
    static final Color SHARE_COLOR = new Color(0x1F5FBF);
    static final Color PEERS_COLOR = new Color(0x2E7D32);
    static final Color BASELINE_COLOR = new Color(0x616161);
    static final Color BAND_COLOR = new Color(220, 30, 30, 64);
    private static final int CREDIT_STRIP = 20;
    private static final Font CREDIT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Color CREDIT_COLOR = new Color(0x757575);

    private static final Logger LOG = LoggerFactory.getLogger(VisibilityChart.class);

    /** A chart and the image it was painted on, before encoding. */
    record Drawing(XYChart chart, BufferedImage image) {
    }

    /** Turns the painted image into the bytes to send. */
    @FunctionalInterface
    interface Encoder {
        byte[] encode(BufferedImage image) throws IOException;
    }

    private final Encoder encoder;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** Encodes with ImageIO's PNG writer. */
    public VisibilityChart() {
        this(VisibilityChart::png);
    }

    /** With another encoder: the step a trimmed JRE can lack, so that its failure can be shown to be harmless. */
    VisibilityChart(Encoder encoder) {
        this.encoder = encoder;
    }

    /** The chart as a PNG, or why there is none. Never throws. */
    public ChartResult render(ChartRequest request) {
        try {
            List<VisibilitySample> samples = inWindow(request);
            if (samples.size() < 2) {
                return new ChartResult.NotDrawn(ChartResult.Reason.NOT_ENOUGH_HISTORY, NOT_ENOUGH_HISTORY);
            }
            Drawing drawing = draw(request, samples);
            return new ChartResult.Png(encoder.encode(drawing.image()), WIDTH, HEIGHT);
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError too: a JRE without fonts or AWT natives fails as UnsatisfiedLinkError/NoClassDefFoundError
            return failed(request, String.valueOf(e.getMessage() == null ? e : e.getMessage()), e);
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("this JVM has no PNG writer");
        }
        return png.toByteArray();
    }

    /** The samples inside the request's window, oldest first. */
    static List<VisibilitySample> inWindow(ChartRequest request) {
        return request.samples().stream().filter(s -> request.window().contains(s.time()))
                .sorted(Comparator.comparing(VisibilitySample::time)).toList();
    }

    /** Builds and paints the chart; {@code samples} are {@link #inWindow} and at least two. */
    Drawing draw(ChartRequest request, List<VisibilitySample> samples) {
        XYChart chart = new XYChart(WIDTH, HEIGHT - CREDIT_STRIP);
        ChartTitle title = ChartTitle.fit(request.title(), WIDTH - 40);
        chart.setTitle(title.text());
        chart.setXAxisTitle("Time (UTC)");
        ChartSource source = request.source();
        chart.setYAxisGroupTitle(0, source.axis());
        if (source.hasPeers()) {
            chart.setYAxisGroupTitle(1, "RIS peers");
        }
        style(chart.getStyler(), request, samples);
        chart.getStyler().setChartTitleFont(title.font());

        // the band first, so that the lines are painted over it
        request.outage().ifPresent(outage -> band(chart, request.window(), outage));
        ChartLines data = ChartLines.of(samples);
        XYSeries share = chart.addSeries(source.legend(), data.times(), data.share());
        share.setLineColor(SHARE_COLOR).setLineWidth(3.5f);
        if (source.hasPeers()) {
            peerLines(chart, data, samples);
        }

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.paint(g, WIDTH, HEIGHT - CREDIT_STRIP);
            credit(g, request.attribution());
        } finally {
            g.dispose();
        }
        return new Drawing(chart, image);
    }

    /** The RIS peers seeing the target (right axis), and how many usually do where that is known. */
    private static void peerLines(XYChart chart, ChartLines data, List<VisibilitySample> samples) {
        XYSeries peers = chart.addSeries(PEERS, data.times(), data.peers());
        peers.setYAxisGroup(1);
        peers.setLineColor(PEERS_COLOR).setLineWidth(2f);
        if (samples.stream().anyMatch(s -> s.peersBaseline() > 0)) {
            // only where the baseline changes: drawn point to point at every sample, its dashes would merge
            ChartLines steps = ChartLines.baselineChanges(samples);
            XYSeries baseline = chart.addSeries(BASELINE, steps.times(), steps.baseline());
            baseline.setYAxisGroup(1);
            baseline.setLineColor(BASELINE_COLOR)
                    .setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        }
    }

    /**
     * The credit line in a strip of its own under the legend, right-aligned: XChart places its legend itself, and
     * anything drawn into the chart's own area could end up on top of it.
     */
    private static void credit(Graphics2D g, String attribution) {
        g.setColor(Color.WHITE);
        g.fillRect(0, HEIGHT - CREDIT_STRIP, WIDTH, CREDIT_STRIP);
        if (attribution.isBlank()) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(CREDIT_FONT);
        g.setColor(CREDIT_COLOR);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(attribution, WIDTH - 12 - metrics.stringWidth(attribution), HEIGHT - 6 - metrics.getDescent());
    }

    private static void style(XYStyler s, ChartRequest request, List<VisibilitySample> samples) {
        s.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarkerSize(0);
        s.setSeriesMarkers(new org.knowm.xchart.style.markers.Marker[] {SeriesMarkers.NONE});
        s.setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE).setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(0xE0E0E0));
        // a phone shows the 800 px image about 360 pt wide: type must be twice what a desktop chart uses
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 19));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        s.setLegendPosition(LegendPosition.OutsideS).setLegendLayout(LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE).setLegendSeriesLineLength(28);
        s.setChartPadding(10).setPlotContentSize(0.94);
        s.setLocale(Locale.ROOT);
        s.setTimezone(TimeZone.getTimeZone("UTC"));
        s.setDatePattern(request.window().length().compareTo(Duration.ofHours(36)) > 0 ? "dd MMM HH:mm" : "HH:mm");
        s.setXAxisTickMarkSpacingHint(110);
        s.setXAxisMin((double) request.window().from().toEpochMilli());
        s.setXAxisMax((double) request.window().until().toEpochMilli());
        s.setYAxisMin(0, 0.0).setYAxisMax(0, 100.0);
        if (request.source().hasPeers()) {
            int peersTop = samples.stream().mapToInt(v -> Math.max(v.peersSeeing(), v.peersBaseline())).max().orElse(1);
            s.setYAxisMin(1, 0.0).setYAxisMax(1, Math.max(1, Math.ceil(peersTop * 1.1)));
            s.setYAxisGroupPosition(1, YAxisPosition.Right);
        }
        // whole numbers on both axes; the unit is in the axis titles, since XChart 4.0.3 applies the first
        // group's decimal pattern to every y axis of an XY chart
        s.setYAxisDecimalPattern("0");
        s.setYAxisGroupTickLabelsColorMap(0, SHARE_COLOR);
        s.setYAxisGroupTitleColor(0, SHARE_COLOR);
        if (request.source().hasPeers()) {
            s.setYAxisGroupTickLabelsColorMap(1, PEERS_COLOR);
            s.setYAxisGroupTitleColor(1, PEERS_COLOR);
        }
    }

    /** The outage as a box on the % axis from 0 to 100, clipped to the window: a band the full plot high. */
    private static void band(XYChart chart, ChartWindow window, OutageInterval outage) {
        Instant start = outage.start().isBefore(window.from()) ? window.from() : outage.start();
        Instant end = outage.endTime().filter(e -> e.isBefore(window.until())).orElse(window.until());
        if (!start.isBefore(end)) {
            return;
        }
        // a closed polygon rather than an area: its legend entry is a filled box in the band's colour
        XYSeries band = chart.addSeries(outage.isOngoing() ? OUTAGE + " (ongoing)" : OUTAGE,
                List.of(Date.from(start), Date.from(start), Date.from(end), Date.from(end)),
                List.of(0.0, 100.0, 100.0, 0.0));
        band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(BAND_COLOR);
        band.setLineColor(BAND_COLOR).setLineWidth(0.5f);
    }

    private ChartResult failed(ChartRequest request, String why, Throwable cause) {
        // what breaks one chart (no fonts, no PNG writer) breaks them all: say so loudly once, then quietly
        if (warned.compareAndSet(false, true)) {
            LOG.warn("Could not draw the chart of {}: {} (messages go out without charts; later failures are "
                    + "logged at DEBUG)", request.title(), why, cause);
        } else {
            LOG.debug("Could not draw the chart of {}: {}", request.title(), why, cause);
        }
        return new ChartResult.NotDrawn(ChartResult.Reason.FAILED, "could not draw the chart: " + why);
    }
}
