/**
 * Charts of a target's visibility, drawn as PNG images to go with outage and restoration messages.
 *
 * <p>{@link net.outageherald.chart.VisibilityChart} takes a {@link net.outageherald.chart.ChartRequest} (the
 * target's name, its {@link net.outageherald.chart.VisibilitySample}s, the
 * {@link net.outageherald.chart.OutageInterval} to shade and the {@link net.outageherald.chart.ChartWindow}: the
 * last day, or the outage with a margin) and gives a {@link net.outageherald.chart.ChartResult}: an 800×400 PNG,
 * or the reason there is none ("not enough history yet to draw a chart" below two samples, or why drawing
 * failed). It never throws, so a chart can never hold back the text message it belongs to.
 *
 * <p>The chart: title = the target's name; x axis in UTC; the visible share of the address space in blue on the
 * left axis (0–100 %); the RIS peers seeing the target in green, and how many usually do as a dashed grey line,
 * on a second axis on the right, since peer counts (hundreds) and percentages share no scale; the outage as a
 * translucent red band over the full plot height; a legend underneath and the data's credit line in the bottom
 * right corner. Type is about twice desktop size, since a phone shows the image about 360 pt wide.
 *
 * <p>Drawn with XChart on AWT, which needs no display when the JVM runs headless: {@code VisibilityChart} sets
 * {@code java.awt.headless=true} when nothing has set it before AWT loads; the launcher may set it too
 * ({@code -Djava.awt.headless=true}). It needs fontconfig and one font on the machine (DejaVu here).
 *
 * <p>{@link net.outageherald.chart.ChartsConfig} is the {@code charts:} section: whether messages carry charts
 * and /chart draws them, how much history a message's chart shows, where console mode writes them.
 */
package net.outageherald.chart;
