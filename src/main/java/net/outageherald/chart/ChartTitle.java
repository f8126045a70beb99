package net.outageherald.chart;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * A chart's title and the largest bold font, 30 px down to 22 px, in which it fits the width; a name too long
 * even then is cut with "…". Holder names run long ("AS4837 CHINA UNICOM China169 Backbone, CN"), and XChart
 * would let them run off the edges.
 */
record ChartTitle(String text, Font font) {

    static final int LARGEST = 30;
    static final int SMALLEST = 22;
    private static final int MAX_CHARS = 80;

    static ChartTitle fit(String title, int width) {
        String text = title.strip().replaceAll("\\s+", " ");
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS - 1).strip() + "…";
        }
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            Font font = null;
            for (int size = LARGEST; size >= SMALLEST; size -= 2) {
                font = new Font(Font.SANS_SERIF, Font.BOLD, size);
                if (g.getFontMetrics(font).stringWidth(text) <= width) {
                    return new ChartTitle(text, font);
                }
            }
            // each round drops the ellipsis and one more character, then puts the ellipsis back
            while (text.length() > 4 && g.getFontMetrics(font).stringWidth(text) > width) {
                text = text.substring(0, text.length() - 2).strip() + "…";
            }
            return new ChartTitle(text, font);
        } finally {
            g.dispose();
        }
    }
}
