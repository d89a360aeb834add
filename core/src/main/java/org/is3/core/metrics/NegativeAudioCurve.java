package org.is3.core.metrics;

/**
 * The 21-threshold curves of vssl_eval (metrics.md §2 "AUC", §7): thresholds x_i = 0.05·i as binary64
 * products, y_i = the fraction of samples passing x_i, area by {@code numpy.trapz}, whose terms
 * {@code d_i·(y_{i+1} + y_i)/2.0} are added in numpy's pairwise order (metrics.md §10).
 */
final class NegativeAudioCurve {
    private static final int POINTS = 21;

    private NegativeAudioCurve() {
    }

    /** {@code compute_AUC}: y_i = fraction with value ≥ 0.05·i (cIoU; a NaN would fail every step). */
    static double areaAtLeast(double[] values) {
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double x = 0.05 * i;
            int count = 0;
            for (double v : values) {
                if (v >= x) {
                    count++;
                }
            }
            y[i] = (double) count / values.length;
        }
        return trapezoid(y);
    }

    /** {@code compute_AUC_pIA}: y_i = fraction with value ≤ 0.05·i (pIA: a smaller area is better). */
    static double areaAtMost(double[] values) {
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double x = 0.05 * i;
            int count = 0;
            for (double v : values) {
                if (v <= x) {
                    count++;
                }
            }
            y[i] = (double) count / values.length;
        }
        return trapezoid(y);
    }

    private static double trapezoid(double[] y) {
        double[] terms = new double[POINTS - 1];
        for (int i = 0; i < POINTS - 1; i++) {
            double d = 0.05 * (i + 1) - 0.05 * i;
            terms[i] = d * (y[i + 1] + y[i]) / 2.0;
        }
        return NumpySum.sum(terms);
    }
}
