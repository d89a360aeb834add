package org.is3.trainer.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A PNG line chart drawn with java.awt: one x column against several y columns of a {@link CsvLog},
 * with axes, tick labels and a legend. NaN values are gaps.
 */
public final class LinePlot {

    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf)};
    private static final int W = 800;
    private static final int H = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 170;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private LinePlot() {
    }

    /** Plots columns {@code ys} of {@code rows} against column {@code x}; writes {@code file}. */
    public static void write(Path file, String title, List<String> columns, List<double[]> rows, String x,
                             List<String> ys) {
        int xi = columns.indexOf(x);
        double[] range = range(rows, xi, columns, ys);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        axes(g, range, x);
        for (int k = 0; k < ys.size(); k++) {
            int yi = columns.indexOf(ys.get(k));
            g.setColor(COLOURS[k % COLOURS.length]);
            g.setStroke(new BasicStroke(1.6f));
            Path2D.Double line = new Path2D.Double();
            boolean pen = false;
            for (double[] r : rows) {
                if (yi < 0 || Double.isNaN(r[yi]) || Double.isNaN(r[xi])) {
                    pen = false;
                    continue;
                }
                double px = px(r[xi], range[0], range[1]);
                double py = py(r[yi], range[2], range[3]);
                if (pen) {
                    line.lineTo(px, py);
                } else {
                    line.moveTo(px, py);
                    pen = true;
                }
            }
            g.draw(line);
            g.fillRect(W - RIGHT + 15, TOP + 10 + 20 * k, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(ys.get(k), W - RIGHT + 35, TOP + 16 + 20 * k);
        }
        g.dispose();
        try {
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file, e);
        }
    }

    private static void axes(Graphics2D g, double[] r, String x) {
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        for (int i = 0; i <= 4; i++) {
            double xv = r[0] + (r[1] - r[0]) * i / 4;
            double yv = r[2] + (r[3] - r[2]) * i / 4;
            int px = (int) px(xv, r[0], r[1]);
            int py = (int) py(yv, r[2], r[3]);
            g.setColor(new Color(0xE0E0E0));
            g.drawLine(LEFT + 1, py, W - RIGHT - 1, py);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label(xv), px - 12, H - BOTTOM + 16);
            g.drawString(label(yv), 8, py + 4);
        }
        g.drawString(x, (W - RIGHT + LEFT) / 2 - 10, H - 12);
    }

    private static String label(double v) {
        return Math.abs(v) >= 1000 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    private static double px(double v, double lo, double hi) {
        return LEFT + (v - lo) / (hi - lo) * (W - LEFT - RIGHT);
    }

    private static double py(double v, double lo, double hi) {
        return H - BOTTOM - (v - lo) / (hi - lo) * (H - TOP - BOTTOM);
    }

    /** xmin, xmax, ymin, ymax over the finite values, widened when degenerate. */
    private static double[] range(List<double[]> rows, int xi, List<String> columns, List<String> ys) {
        double[] r = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] row : rows) {
            if (xi >= 0 && !Double.isNaN(row[xi])) {
                r[0] = Math.min(r[0], row[xi]);
                r[1] = Math.max(r[1], row[xi]);
            }
            for (String y : ys) {
                int yi = columns.indexOf(y);
                if (yi >= 0 && Double.isFinite(row[yi])) {
                    r[2] = Math.min(r[2], row[yi]);
                    r[3] = Math.max(r[3], row[yi]);
                }
            }
        }
        for (int i = 0; i < 4; i += 2) {
            if (r[i] > r[i + 1]) {
                r[i] = 0;
                r[i + 1] = 1;
            } else if (r[i] == r[i + 1]) {
                r[i] -= 0.5;
                r[i + 1] += 0.5;
            }
        }
        return r;
    }
}
