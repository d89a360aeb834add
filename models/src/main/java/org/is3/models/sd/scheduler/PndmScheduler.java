package org.is3.models.sd.scheduler;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * PNDM in its PLMS form with {@code skip_prk_steps} (SD's default scheduler), as diffusers'
 * {@code PNDMScheduler}. The timesteps are the spaced ones with the second-to-last repeated
 * ({@code steps + 1} UNet calls); the first two calls form a second-order start (the second call
 * re-runs from the first call's sample with the mean of both outputs), then linear multistep of order
 * 2, 3 and 4 with Adams–Bashforth weights. Each update is the PNDM transfer
 * <pre>
 *   x_prev = √(a'/a)·x − (a' − a)·ε / (a·√(1−a') + √(a·(1−a)·a'))
 * </pre>
 * ({@code ε} from {@code v} as {@code √a·v + √(1−a)·x} first for v-prediction).
 */
final class PndmScheduler implements Scheduler {

    private final SchedulerConfig config;
    private final NoiseSchedule schedule;
    private final int[] timesteps;
    private final int stepRatio;
    private final Deque<float[]> ets = new ArrayDeque<>();
    private float[] curSample;
    private int counter;

    PndmScheduler(SchedulerConfig config, int steps) {
        this.config = config;
        this.schedule = config.schedule();
        this.stepRatio = config.trainTimesteps() / steps;
        int[] spaced = Timesteps.descending(config, steps);
        int[] plms = new int[steps + 1];
        if (steps == 1) {
            plms = new int[] {spaced[0]};
        } else {
            plms[0] = spaced[0];
            System.arraycopy(spaced, 1, plms, 2, steps - 1);
            plms[1] = spaced[1];
        }
        this.timesteps = plms;
    }

    @Override
    public String name() {
        return SchedulerKind.PNDM.key();
    }

    @Override
    public double[] timesteps() {
        return Timesteps.toDouble(timesteps);
    }

    @Override
    public float[] step(float[] modelOutput, int index, float[] sample) {
        if (index != counter) {
            throw new IllegalStateException("PNDM steps must run in order: expected step " + counter + ", got " + index);
        }
        int t = timesteps[index];
        int prev = t - stepRatio;
        if (counter != 1) {
            while (ets.size() > 3) {
                ets.removeFirst();
            }
            ets.addLast(modelOutput);
        } else {
            prev = t;
            t = t + stepRatio;
        }
        float[] effective;
        float[] from = sample;
        if (ets.size() == 1 && counter == 0) {
            effective = modelOutput;
            curSample = sample;
        } else if (ets.size() == 1 && counter == 1) {
            effective = combine(new double[] {0.5, 0.5}, modelOutput, ets.peekLast());
            from = curSample;
            curSample = null;
        } else {
            effective = multistep();
        }
        counter++;
        return transfer(from, t, prev, effective);
    }

    /** Adams–Bashforth combination of the last 2, 3 or 4 outputs (newest first in the weights). */
    private float[] multistep() {
        double[] w = switch (Math.min(ets.size(), 4)) {
            case 2 -> new double[] {3 / 2.0, -1 / 2.0};
            case 3 -> new double[] {23 / 12.0, -16 / 12.0, 5 / 12.0};
            default -> new double[] {55 / 24.0, -59 / 24.0, 37 / 24.0, -9 / 24.0};
        };
        float[][] newestFirst = new float[w.length][];
        Iterator<float[]> it = ets.descendingIterator();
        for (int k = 0; k < w.length; k++) {
            newestFirst[k] = it.next();
        }
        return combine(w, newestFirst);
    }

    private static float[] combine(double[] weights, float[]... arrays) {
        float[] out = new float[arrays[0].length];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int k = 0; k < weights.length; k++) {
                s += weights[k] * arrays[k][i];
            }
            out[i] = (float) s;
        }
        return out;
    }

    private float[] transfer(float[] sample, int t, int prev, float[] modelOutput) {
        double a = schedule.alphaCumprod(t);
        double aPrev = prev >= 0 ? schedule.alphaCumprod(prev) : config.setAlphaToOne() ? 1.0 : schedule.alphaCumprod(0);
        double b = 1.0 - a;
        double bPrev = 1.0 - aPrev;
        double sampleCoeff = Math.sqrt(aPrev / a);
        double denom = a * Math.sqrt(bPrev) + Math.sqrt(a * b * aPrev);
        double epsCoeff = (aPrev - a) / denom;
        boolean v = config.prediction() == PredictionType.V;
        float[] out = new float[sample.length];
        for (int i = 0; i < out.length; i++) {
            double x = sample[i];
            double eps = v ? Math.sqrt(a) * modelOutput[i] + Math.sqrt(b) * x : modelOutput[i];
            out[i] = (float) (sampleCoeff * x - epsCoeff * eps);
        }
        return out;
    }
}
