package org.is3.models.sd.scheduler;

/**
 * One denoising run's scheduler (diffusers' formulas, docs/models.md "Schedulers"). It may keep state
 * between steps (PNDM does), so each generation makes a fresh one from its {@link SchedulerConfig}.
 * Samples are flat float arrays (any batch, layout untouched: every update is element-wise).
 */
public interface Scheduler {

    /** {@code ddim}, {@code pndm} or {@code euler}. */
    String name();

    /** The timestep passed to the UNet at each call, in call order; its length is the number of calls. */
    double[] timesteps();

    /** Standard deviation of the initial latent noise (1 for DDIM/PNDM; σ-based for Euler). */
    default double initNoiseSigma() {
        return 1.0;
    }

    /** The UNet input for call {@code index} (Euler divides by {@code √(σ²+1)}; others return it as is). */
    default float[] scaleModelInput(float[] sample, int index) {
        return sample;
    }

    /** The sample after call {@code index}, given the (guided) model output at that call. */
    float[] step(float[] modelOutput, int index, float[] sample);
}
