package org.is3.models.sd.scheduler;

/**
 * Euler (Karras et al. 2022, Algorithm 2 without churn) as diffusers' {@code EulerDiscreteScheduler}:
 * float timesteps spaced as configured, {@code σ(t)} linearly interpolated from
 * {@code √((1−ᾱ)/ᾱ)} at the integer timesteps, a final {@code σ = 0}; initial noise
 * {@code σ_max} (linspace/trailing) or {@code √(σ_max²+1)} (leading); the UNet sees
 * {@code x/√(σ²+1)}; each step
 * <pre>
 *   epsilon: x̂₀ = x − σ·ε        v: x̂₀ = −σ/√(σ²+1)·v + x/(σ²+1)
 *   x_next = x + (x − x̂₀)/σ · (σ_next − σ)
 * </pre>
 */
final class EulerDiscreteScheduler implements Scheduler {

    private final SchedulerConfig config;
    private final double[] timesteps;
    private final double[] sigmas;

    EulerDiscreteScheduler(SchedulerConfig config, int steps) {
        this.config = config;
        NoiseSchedule schedule = config.schedule();
        int n = config.trainTimesteps();
        timesteps = new double[steps];
        for (int k = 0; k < steps; k++) {
            timesteps[k] = switch (config.spacing()) {
                // diffusers makes these float32 before interpolating σ and calling the UNet
                case LINSPACE -> (float) Timesteps.linspace(n, steps, steps - 1 - k);
                case LEADING -> (steps - 1 - k) * (n / steps) + config.stepsOffset();
                case TRAILING -> Math.rint(n - k * ((double) n / steps)) - 1;
            };
        }
        sigmas = new double[steps + 1];
        for (int k = 0; k < steps; k++) {
            sigmas[k] = schedule.sigmaAt(timesteps[k]);
        }
    }

    @Override
    public String name() {
        return SchedulerKind.EULER.key();
    }

    @Override
    public double[] timesteps() {
        return timesteps.clone();
    }

    /** σ at call {@code index}; {@code index = steps} is the final 0. */
    double sigma(int index) {
        return sigmas[index];
    }

    @Override
    public double initNoiseSigma() {
        double max = 0;
        for (double s : sigmas) {
            max = Math.max(max, s);
        }
        return config.spacing() == TimestepSpacing.LEADING ? Math.sqrt(max * max + 1) : max;
    }

    @Override
    public float[] scaleModelInput(float[] sample, int index) {
        double c = 1.0 / Math.sqrt(sigmas[index] * sigmas[index] + 1);
        float[] out = new float[sample.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (sample[i] * c);
        }
        return out;
    }

    @Override
    public float[] step(float[] modelOutput, int index, float[] sample) {
        double sigma = sigmas[index];
        double dt = sigmas[index + 1] - sigma;
        boolean v = config.prediction() == PredictionType.V;
        double s2 = sigma * sigma + 1;
        float[] out = new float[sample.length];
        for (int i = 0; i < out.length; i++) {
            double x = sample[i];
            double x0 = v ? modelOutput[i] * (-sigma / Math.sqrt(s2)) + x / s2 : x - sigma * modelOutput[i];
            out[i] = (float) (x + (x - x0) / sigma * dt);
        }
        return out;
    }
}
