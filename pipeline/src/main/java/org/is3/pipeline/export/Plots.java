package org.is3.pipeline.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/** The dataset card's two charts, drawn with java.awt: counts per category, and a histogram. */
final class Plots {

    private static final int W = 900;
    private static final int H = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 140;
    private static final Color BAR = new Color(0x3b6ea8);

    private Plots() {
    }

    /** One bar per entry, labels rotated under the axis. */
    static BufferedImage bars(String title, Map<String, Integer> counts) {
        List<String> labels = List.copyOf(counts.keySet());
        double[] values = labels.stream().mapToDouble(counts::get).toArray();
        return chart(title, labels, values);
    }

    /**
     * Histogram of {@code values} over {@code bins} equal bins from {@code min} to {@code max}
     * (values outside are counted in the first or last bin).
     */
    static BufferedImage histogram(String title, double[] values, int bins, double min, double max) {
        double[] counts = new double[bins];
        for (double v : values) {
            int b = (int) Math.floor((v - min) / (max - min) * bins);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        List<String> labels = new java.util.ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(String.format("%.2f", min + (max - min) * b / bins));
        }
        return chart(title, labels, counts);
    }

    private static BufferedImage chart(String title, List<String> labels, double[] values) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        double max = 1;
        for (double v : values) {
            max = Math.max(max, v);
        }
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        int y0 = TOP + plotH;
        g.setStroke(new BasicStroke(1));
        g.drawLine(LEFT, TOP, LEFT, y0);
        g.drawLine(LEFT, y0, W - RIGHT, y0);
        FontMetrics fm = g.getFontMetrics();
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            int y = y0 - (int) Math.round(plotH * t / 4.0);
            String s = v == Math.rint(v) ? Long.toString((long) v) : String.format("%.1f", v);
            g.drawString(s, LEFT - 6 - fm.stringWidth(s), y + 4);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT + 1, y, W - RIGHT, y);
            g.setColor(Color.BLACK);
        }
        int n = Math.max(1, values.length);
        double slot = (double) plotW / n;
        for (int i = 0; i < values.length; i++) {
            int x = LEFT + (int) Math.round(i * slot);
            int bw = Math.max(1, (int) Math.round(slot * 0.8));
            int bh = (int) Math.round(plotH * values[i] / max);
            g.setColor(BAR);
            g.fillRect(x + (int) Math.round(slot * 0.1), y0 - bh, bw, bh);
            g.setColor(Color.BLACK);
            Graphics2D r = (Graphics2D) g.create();
            r.translate(x + slot / 2 + 4, y0 + 6);
            r.rotate(Math.PI / 2.6);
            r.drawString(shorten(labels.get(i)), 0, 0);
            r.dispose();
        }
        g.dispose();
        return img;
    }

    private static String shorten(String label) {
        return label.length() <= 22 ? label : label.substring(0, 21) + "…";
    }
}
