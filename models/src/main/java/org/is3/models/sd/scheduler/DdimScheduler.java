package org.is3.models.sd.scheduler;

/**
 * DDIM with {@code η = 0} (deterministic), as diffusers' {@code DDIMScheduler} (clip_sample and
 * thresholding off, as SD uses it). With {@code a = ᾱ_t}, {@code a' = ᾱ_{t−N/steps}} (or {@code ᾱ_0} /
 * 1 past the start, per set_alpha_to_one):
 * <pre>
 *   epsilon: x̂₀ = (x − √(1−a)·ε)/√a          v: x̂₀ = √a·x − √(1−a)·v,  ε = √a·v + √(1−a)·x
 *   x_prev = √a'·x̂₀ + √(1−a')·ε
 * </pre>
 */
final class DdimScheduler implements Scheduler {

    private final SchedulerConfig config;
    private final NoiseSchedule schedule;
    private final int[] timesteps;
    private final int stepRatio;

    DdimScheduler(SchedulerConfig config, int steps) {
        this.config = config;
        this.schedule = config.schedule();
        this.timesteps = Timesteps.descending(config, steps);
        this.stepRatio = config.trainTimesteps() / steps;
    }

    @Override
    public String name() {
        return SchedulerKind.DDIM.key();
    }

    @Override
    public double[] timesteps() {
        return Timesteps.toDouble(timesteps);
    }

    @Override
    public float[] step(float[] modelOutput, int index, float[] sample) {
        int t = timesteps[index];
        int prev = t - stepRatio;
        double a = schedule.alphaCumprod(t);
        double aPrev = prev >= 0 ? schedule.alphaCumprod(prev) : config.setAlphaToOne() ? 1.0 : schedule.alphaCumprod(0);
        double sa = Math.sqrt(a);
        double sb = Math.sqrt(1.0 - a);
        double saPrev = Math.sqrt(aPrev);
        double sbPrev = Math.sqrt(1.0 - aPrev);
        float[] out = new float[sample.length];
        boolean v = config.prediction() == PredictionType.V;
        for (int i = 0; i < out.length; i++) {
            double x = sample[i];
            double m = modelOutput[i];
            double x0 = v ? sa * x - sb * m : (x - sb * m) / sa;
            double eps = v ? sa * m + sb * x : m;
            out[i] = (float) (saPrev * x0 + sbPrev * eps);
        }
        return out;
    }
}
