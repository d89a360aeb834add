package org.is3.eval.leaderboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.is3.eval.web.Html;

/**
 * Success-rate curves as inline SVG: y_i = fraction of samples with cIoU ≥ 0.05·i, i = 0..20
 * (metrics.md §2), the curve whose trapezoid area is the AUC. The sparkline fills the area under
 * the curve, so its shaded area is the entry's AUC; the comparison chart overlays several entries.
 *
 * <p>The SVG carries only presentation attributes, never {@code style} attributes, so the page
 * works under a Content-Security-Policy without {@code 'unsafe-inline'}.
 */
public final class CurveSvg {
    static final double SPARK_WIDTH = 100;
    static final double SPARK_HEIGHT = 24;
    private static final double CHART_LEFT = 44;
    private static final double CHART_TOP = 12;
    private static final double CHART_WIDTH = 400;
    private static final double CHART_HEIGHT = 240;

    /** One entry's curve in the comparison chart. */
    public record Series(long id, String name, String color, boolean dashed, boolean visible, double[] curve) {
    }

    private CurveSvg() {
    }

    /**
     * The path data of {@code curve} in a {@code width × height} box with the origin at the top
     * left: point i sits at x = width·i/20, y = height·(1 − y_i). Coordinates are written with at
     * most two decimals and no trailing zeros, e.g. {@code M0,0 L5,12 …}.
     */
    public static String path(double[] curve, double width, double height) {
        StringBuilder d = new StringBuilder();
        int last = curve.length - 1;
        for (int i = 0; i <= last; i++) {
            d.append(i == 0 ? "M" : " L").append(num(width * i / last)).append(',')
                    .append(num(height * (1 - curve[i])));
        }
        return d.toString();
    }

    /** A small inline chart of one entry's curve, its area (the AUC) shaded. */
    public static String sparkline(double[] curve, String label) {
        String line = path(curve, SPARK_WIDTH, SPARK_HEIGHT);
        String area = line + " L" + num(SPARK_WIDTH) + ',' + num(SPARK_HEIGHT) + " L0," + num(SPARK_HEIGHT) + " Z";
        return "<svg class=\"spark\" viewBox=\"-1 -1 " + num(SPARK_WIDTH + 2) + ' ' + num(SPARK_HEIGHT + 2)
                + "\" width=\"" + num(SPARK_WIDTH + 2) + "\" height=\"" + num(SPARK_HEIGHT + 2)
                + "\" role=\"img\" aria-label=\"" + Html.escape(label) + "\">"
                + "<title>" + Html.escape(label) + "</title>"
                + "<path class=\"area\" d=\"" + area + "\" fill=\"#9ecae1\" stroke=\"none\"/>"
                + "<path class=\"line\" d=\"" + line + "\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"1.5\"/>"
                + "</svg>";
    }

    /**
     * The comparison chart: axes (cIoU threshold 0–1, success rate 0–100 %), a dashed marker at
     * the 0.5 threshold (where the cIoU column is read), and one path per series with
     * {@code data-id} set to the submission id; series not visible carry the class {@code off}.
     */
    public static String chart(String id, String title, List<Series> series) {
        StringBuilder s = new StringBuilder();
        s.append("<svg id=\"").append(Html.escape(id)).append("\" class=\"chart\" viewBox=\"0 0 ")
                .append(num(CHART_LEFT + CHART_WIDTH + 12)).append(' ').append(num(CHART_TOP + CHART_HEIGHT + 40))
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">")
                .append("<title>").append(Html.escape(title)).append("</title>");
        axes(s);
        s.append("<g transform=\"translate(").append(num(CHART_LEFT)).append(',').append(num(CHART_TOP)).append(")\">");
        for (Series e : series) {
            s.append("<path class=\"series").append(e.visible() ? "" : " off").append("\" data-id=\"")
                    .append(e.id()).append("\" d=\"").append(path(e.curve(), CHART_WIDTH, CHART_HEIGHT))
                    .append("\" fill=\"none\" stroke=\"").append(Html.escape(e.color()))
                    .append("\" stroke-width=\"2\"").append(e.dashed() ? " stroke-dasharray=\"6 3\"" : "")
                    .append("><title>").append(Html.escape(e.name())).append("</title></path>");
        }
        return s.append("</g></svg>").toString();
    }

    private static void axes(StringBuilder s) {
        double bottom = CHART_TOP + CHART_HEIGHT;
        s.append("<g class=\"axes\" font-size=\"11\" fill=\"#444\">");
        for (int t = 0; t <= 4; t++) {
            double x = CHART_LEFT + CHART_WIDTH * t / 4;
            double y = bottom - CHART_HEIGHT * t / 4;
            s.append("<line x1=\"").append(num(CHART_LEFT)).append("\" x2=\"").append(num(CHART_LEFT + CHART_WIDTH))
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\" stroke=\"#ddd\"/>")
                    .append("<text x=\"").append(num(CHART_LEFT - 6)).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(25 * t).append("</text>")
                    .append("<text x=\"").append(num(x)).append("\" y=\"").append(num(bottom + 16))
                    .append("\" text-anchor=\"middle\">").append(num(0.25 * t)).append("</text>");
        }
        double half = CHART_LEFT + CHART_WIDTH / 2;
        s.append("<line x1=\"").append(num(half)).append("\" x2=\"").append(num(half)).append("\" y1=\"")
                .append(num(CHART_TOP)).append("\" y2=\"").append(num(bottom))
                .append("\" stroke=\"#999\" stroke-dasharray=\"2 3\"/>")
                .append("<line x1=\"").append(num(CHART_LEFT)).append("\" x2=\"").append(num(CHART_LEFT))
                .append("\" y1=\"").append(num(CHART_TOP)).append("\" y2=\"").append(num(bottom)).append("\" stroke=\"#444\"/>")
                .append("<line x1=\"").append(num(CHART_LEFT)).append("\" x2=\"").append(num(CHART_LEFT + CHART_WIDTH))
                .append("\" y1=\"").append(num(bottom)).append("\" y2=\"").append(num(bottom)).append("\" stroke=\"#444\"/>")
                .append("<text x=\"").append(num(CHART_LEFT + CHART_WIDTH / 2)).append("\" y=\"").append(num(bottom + 34))
                .append("\" text-anchor=\"middle\">cIoU threshold</text>")
                .append("<text x=\"12\" y=\"").append(num(CHART_TOP + CHART_HEIGHT / 2))
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 12 ").append(num(CHART_TOP + CHART_HEIGHT / 2))
                .append(")\">success rate (%)</text></g>");
    }

    /** A coordinate with at most two decimals, no trailing zeros, no exponent. */
    static String num(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
