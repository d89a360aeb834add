package org.is3.models.sd.scheduler;

/** Closed forms the scheduler tests compare with (written independently of the schedulers' code). */
final class SchedulerTestSupport {

    static final NoiseSchedule SD = NoiseSchedule.scaledLinear(1000, 0.00085, 0.012);

    private SchedulerTestSupport() {
    }

    /** ᾱ with SD's "past the start" rule (set_alpha_to_one false: ᾱ_0). */
    static double alpha(int t) {
        return t >= 0 ? SD.alphaCumprod(t) : SD.alphaCumprod(0);
    }

    /** The noisy sample at t for a clean value x0 and noise eps: √ᾱ·x0 + √(1−ᾱ)·eps. */
    static double noisy(double x0, double eps, int t) {
        return Math.sqrt(alpha(t)) * x0 + Math.sqrt(1 - alpha(t)) * eps;
    }

    /** The velocity target of v-prediction: √ᾱ·eps − √(1−ᾱ)·x0. */
    static double velocity(double x0, double eps, int t) {
        return Math.sqrt(alpha(t)) * eps - Math.sqrt(1 - alpha(t)) * x0;
    }

    /** The deterministic DDIM update written in its "x̂₀ then re-noise" form. */
    static double ddim(double x, double eps, int t, int prev) {
        double x0 = (x - Math.sqrt(1 - alpha(t)) * eps) / Math.sqrt(alpha(t));
        return noisy(x0, eps, prev);
    }

    static SchedulerConfig config(SchedulerKind kind, TimestepSpacing spacing, PredictionType p) {
        return new SchedulerConfig(kind, 1000, 0.00085, 0.012, true, 1, spacing, p, false);
    }

    static int[] ints(double[] d) {
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
            if (out[i] != d[i]) {
                throw new AssertionError("timestep " + d[i] + " is not an integer");
            }
        }
        return out;
    }
}
