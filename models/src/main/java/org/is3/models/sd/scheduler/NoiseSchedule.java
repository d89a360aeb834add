package org.is3.models.sd.scheduler;

/**
 * The training noise schedule shared by every scheduler: {@code scaled_linear} betas
 * {@code β_t = (√β₀ + t·(√β₁ − √β₀)/(N−1))²} and the cumulative products {@code ᾱ_t = Π_{s≤t}(1 − β_s)}
 * (diffusers computes them in float32; here in double, which differs from it by a few 1e-7 relative).
 */
public final class NoiseSchedule {

    private final double[] alphasCumprod;

    private NoiseSchedule(double[] alphasCumprod) {
        this.alphasCumprod = alphasCumprod;
    }

    /** SD's {@code scaled_linear} schedule over {@code n} training timesteps. */
    public static NoiseSchedule scaledLinear(int n, double betaStart, double betaEnd) {
        double[] betas = new double[n];
        double a = Math.sqrt(betaStart);
        double b = Math.sqrt(betaEnd);
        for (int t = 0; t < n; t++) {
            double s = n == 1 ? a : a + t * (b - a) / (n - 1);
            betas[t] = s * s;
        }
        return fromBetas(betas);
    }

    /** The {@code linear} schedule: betas evenly spaced from {@code betaStart} to {@code betaEnd}. */
    public static NoiseSchedule linear(int n, double betaStart, double betaEnd) {
        double[] betas = new double[n];
        for (int t = 0; t < n; t++) {
            betas[t] = n == 1 ? betaStart : betaStart + t * (betaEnd - betaStart) / (n - 1);
        }
        return fromBetas(betas);
    }

    private static NoiseSchedule fromBetas(double[] betas) {
        double[] ac = new double[betas.length];
        double p = 1.0;
        for (int t = 0; t < betas.length; t++) {
            p *= 1.0 - betas[t];
            ac[t] = p;
        }
        return new NoiseSchedule(ac);
    }

    public int trainTimesteps() {
        return alphasCumprod.length;
    }

    /** {@code ᾱ_t}. */
    public double alphaCumprod(int t) {
        return alphasCumprod[t];
    }

    /** The Karras/Euler noise level {@code σ_t = √((1 − ᾱ_t)/ᾱ_t)} at integer {@code t}. */
    public double sigma(int t) {
        return Math.sqrt((1.0 - alphasCumprod[t]) / alphasCumprod[t]);
    }

    /** {@code σ} linearly interpolated at a fractional timestep (numpy's {@code interp} over 0..N−1). */
    public double sigmaAt(double t) {
        if (t <= 0) {
            return sigma(0);
        }
        int last = alphasCumprod.length - 1;
        if (t >= last) {
            return sigma(last);
        }
        int lo = (int) Math.floor(t);
        double f = t - lo;
        double s0 = sigma(lo);
        return f == 0 ? s0 : s0 + f * (sigma(lo + 1) - s0);
    }
}
