package org.is3.core.audio;

/**
 * Power spectrum of a real frame whose length is a power of two, in double precision: the frame is
 * packed as n/2 complex values, transformed by an iterative radix-2 FFT and split into the
 * n/2 + 1 non-negative-frequency bins (what numpy's {@code rfft} returns).
 */
final class RealFft {

    private final int n;
    private final int half;
    private final double[] cos;
    private final double[] sin;
    private final int[] bitReversed;

    RealFft(int n) {
        if (n < 4 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two >= 4, got " + n);
        }
        this.n = n;
        this.half = n / 2;
        cos = new double[half];
        sin = new double[half];
        for (int k = 0; k < half; k++) {
            double angle = 2 * Math.PI * k / n;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
        bitReversed = new int[half];
        int bits = Integer.numberOfTrailingZeros(half);
        for (int i = 0; i < half; i++) {
            bitReversed[i] = Integer.reverse(i) >>> (32 - bits);
        }
    }

    /** |X[k]|² for k = 0..n/2 of the real frame {@code x} (length n). */
    double[] power(double[] x) {
        double[] re = new double[half];
        double[] im = new double[half];
        for (int m = 0; m < half; m++) {
            int j = bitReversed[m];
            re[j] = x[2 * m];
            im[j] = x[2 * m + 1];
        }
        transform(re, im);
        double[] power = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            int a = k % half;
            int b = (half - k) % half;
            // Even/odd split of the packed transform: X[k] = E[k] + e^{-2πik/n} O[k].
            double er = 0.5 * (re[a] + re[b]);
            double ei = 0.5 * (im[a] - im[b]);
            double or = 0.5 * (im[a] + im[b]);
            double oi = -0.5 * (re[a] - re[b]);
            double c = k == half ? -1.0 : cos[k];
            double s = k == half ? 0.0 : -sin[k];
            double xr = er + c * or - s * oi;
            double xi = ei + c * oi + s * or;
            power[k] = xr * xr + xi * xi;
        }
        return power;
    }

    /** In-place radix-2 decimation-in-time FFT of length n/2 on bit-reversed input. */
    private void transform(double[] re, double[] im) {
        for (int size = 2; size <= half; size *= 2) {
            int step = n / size; // twiddle stride in the length-n tables
            int span = size / 2;
            for (int start = 0; start < half; start += size) {
                for (int j = 0; j < span; j++) {
                    double wr = cos[j * step];
                    double wi = -sin[j * step];
                    int p = start + j;
                    int q = p + span;
                    double tr = wr * re[q] - wi * im[q];
                    double ti = wr * im[q] + wi * re[q];
                    re[q] = re[p] - tr;
                    im[q] = im[p] - ti;
                    re[p] += tr;
                    im[p] += ti;
                }
            }
        }
    }
}
