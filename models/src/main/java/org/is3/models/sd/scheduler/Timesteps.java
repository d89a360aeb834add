package org.is3.models.sd.scheduler;

/**
 * Inference timesteps of the integer schedulers (DDIM, PNDM), descending, as diffusers spaces them.
 * Rounding is numpy's (half to even: {@link Math#rint}).
 */
final class Timesteps {

    private Timesteps() {
    }

    static int[] descending(SchedulerConfig c, int steps) {
        int n = c.trainTimesteps();
        int[] t = new int[steps];
        for (int k = 0; k < steps; k++) {
            t[k] = switch (c.spacing()) {
                case LINSPACE -> (int) Math.rint(linspace(n, steps, steps - 1 - k));
                case LEADING -> (steps - 1 - k) * (n / steps) + c.stepsOffset();
                case TRAILING -> (int) Math.rint(n - k * ((double) n / steps)) - 1;
            };
        }
        return t;
    }

    /** numpy's {@code linspace(0, n-1, steps)[j]}: {@code j·step}, the last one exactly {@code n-1}. */
    static double linspace(int n, int steps, int j) {
        if (j == steps - 1) {
            return steps == 1 ? 0 : n - 1;
        }
        return j * ((n - 1.0) / (steps - 1));
    }

    static double[] toDouble(int[] t) {
        double[] d = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            d[i] = t[i];
        }
        return d;
    }
}
