package org.is3.core.metrics;

/**
 * Sums in numpy's order, so aggregates equal the reference's last bit (metrics.md §10): the vector
 * is reduced in chunks of 8192 added to a running total that starts at 0; inside a chunk numpy's
 * pairwise summation (sequential below 8, eight accumulators up to 128, halving above).
 */
public final class NumpySum {
    private static final int CHUNK = 8192;
    private static final int BLOCK = 128;

    private NumpySum() {
    }

    /** {@code np.sum} of a float64 vector. */
    public static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    /** {@code np.sum(a[from:to])} of a float64 vector. */
    public static double sum(double[] a, int from, int to) {
        double total = 0.0;
        for (int start = from; start < to; start += CHUNK) {
            total += pairwise(a, start, Math.min(CHUNK, to - start));
        }
        return total;
    }

    /** {@code np.mean} of a float64 vector: the numpy sum divided by n. */
    public static double mean(double[] a) {
        return sum(a) / a.length;
    }

    /** {@code np.sum} of a float32 vector, accumulated in float32. */
    public static float sum(float[] a) {
        return sum(a, 0, a.length);
    }

    /** {@code np.sum(a[from:to])} of a float32 vector, accumulated in float32. */
    public static float sum(float[] a, int from, int to) {
        float total = 0.0f;
        for (int start = from; start < to; start += CHUNK) {
            total += pairwise(a, start, Math.min(CHUNK, to - start));
        }
        return total;
    }

    static double pairwise(double[] a, int off, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[off], r1 = a[off + 1], r2 = a[off + 2], r3 = a[off + 3];
            double r4 = a[off + 4], r5 = a[off + 5], r6 = a[off + 6], r7 = a[off + 7];
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                int p = off + i;
                r0 += a[p];
                r1 += a[p + 1];
                r2 += a[p + 2];
                r3 += a[p + 3];
                r4 += a[p + 4];
                r5 += a[p + 5];
                r6 += a[p + 6];
                r7 += a[p + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, off, n2) + pairwise(a, off + n2, n - n2);
    }

    static float pairwise(float[] a, int off, int n) {
        if (n < 8) {
            float res = 0.0f;
            for (int i = 0; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            float r0 = a[off], r1 = a[off + 1], r2 = a[off + 2], r3 = a[off + 3];
            float r4 = a[off + 4], r5 = a[off + 5], r6 = a[off + 6], r7 = a[off + 7];
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                int p = off + i;
                r0 += a[p];
                r1 += a[p + 1];
                r2 += a[p + 2];
                r3 += a[p + 3];
                r4 += a[p + 4];
                r5 += a[p + 5];
                r6 += a[p + 6];
                r7 += a[p + 7];
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, off, n2) + pairwise(a, off + n2, n - n2);
    }
}
