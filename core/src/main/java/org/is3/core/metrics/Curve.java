package org.is3.core.metrics;

/**
 * The 21-point curves and their trapezoid AUC shared by AUC, adaptive AUC, IAUC, SLAVC's AUC and
 * vssl_eval's AUC and AUC-pIA (metrics.md §2, §4, §5, §7). Thresholds are {@code x_i = 0.05*i} as
 * binary64 products, i = 0..20: seven of them lie one ulp above the decimal, so e.g. a cIoU of exactly
 * 3/20 fails {@code x_3}.
 */
public final class Curve {
    /** Number of thresholds, {@code x_0 = 0} to {@code x_20 = 1}. */
    public static final int POINTS = 21;

    private Curve() {
    }

    /** {@code 0.05*i}, never {@code i/20.0}. */
    public static double threshold(int i) {
        return 0.05 * i;
    }

    /**
     * {@code y_i = #(v ≥ x_i) / n} over {@code values[0..n)}. NaN never passes, not even {@code x_0 = 0}.
     * With {@code n = 0} every point is NaN (numpy's 0/0).
     */
    public static double[] successRates(double[] values, int n) {
        return fractions(values, n, true);
    }

    /**
     * {@code y_i = #(v ≤ x_i) / n} over {@code values[0..n)}: vssl_eval's {@code compute_AUC_pIA} curve
     * (§7), where a smaller pIA is better. NaN never passes; with {@code n = 0} every point is NaN.
     */
    public static double[] atMostRates(double[] values, int n) {
        return fractions(values, n, false);
    }

    private static double[] fractions(double[] values, int n, boolean atLeast) {
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double x = threshold(i);
            long passed = 0;
            for (int j = 0; j < n; j++) {
                if (atLeast ? values[j] >= x : values[j] <= x) {
                    passed++;
                }
            }
            y[i] = (double) passed / n;
        }
        return y;
    }

    /**
     * sklearn {@code metrics.auc} = numpy {@code trapz}: terms {@code (x_{i+1} − x_i)·(y_{i+1} + y_i) / 2},
     * added in numpy's pairwise order (§10). NaN anywhere in {@code y} gives NaN.
     */
    public static double auc(double[] y) {
        if (y.length != POINTS) {
            throw new IllegalArgumentException("curve has " + y.length + " points, expected " + POINTS);
        }
        double[] terms = new double[POINTS - 1];
        for (int i = 0; i < terms.length; i++) {
            double dx = threshold(i + 1) - threshold(i);
            terms[i] = dx * (y[i + 1] + y[i]) / 2.0;
        }
        return NumpySum.sum(terms);
    }
}
