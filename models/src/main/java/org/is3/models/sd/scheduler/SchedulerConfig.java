package org.is3.models.sd.scheduler;

import org.is3.core.InputException;

/**
 * A model's scheduler settings (the keys of diffusers' {@code scheduler_config.json} that SD uses).
 *
 * @param spacing       how timesteps are spread; {@code null} picks the kind's diffusers default
 * @param setAlphaToOne whether the step past t=0 uses {@code ᾱ = 1} (false for SD: it uses {@code ᾱ_0})
 */
public record SchedulerConfig(SchedulerKind kind, int trainTimesteps, double betaStart, double betaEnd,
                              boolean scaledLinear, int stepsOffset, TimestepSpacing spacing,
                              PredictionType prediction, boolean setAlphaToOne) {

    public SchedulerConfig {
        if (trainTimesteps < 2) {
            throw new InputException("num_train_timesteps must be at least 2, got " + trainTimesteps);
        }
        if (!(betaStart > 0 && betaEnd > betaStart && betaEnd < 1)) {
            throw new InputException("betas must satisfy 0 < beta_start < beta_end < 1, got "
                    + betaStart + ", " + betaEnd);
        }
        if (spacing == null) {
            spacing = kind.defaultSpacing();
        }
    }

    /** SD 1.5's scheduler config with the given scheduler kind and its default spacing. */
    public static SchedulerConfig sd15(SchedulerKind kind) {
        return new SchedulerConfig(kind, 1000, 0.00085, 0.012, true, 1, null, PredictionType.EPSILON, false);
    }

    public SchedulerConfig withKind(SchedulerKind value, TimestepSpacing spacingOrNull) {
        return new SchedulerConfig(value, trainTimesteps, betaStart, betaEnd, scaledLinear, stepsOffset,
                spacingOrNull, prediction, setAlphaToOne);
    }

    public NoiseSchedule schedule() {
        return scaledLinear ? NoiseSchedule.scaledLinear(trainTimesteps, betaStart, betaEnd)
                : NoiseSchedule.linear(trainTimesteps, betaStart, betaEnd);
    }

    /** A fresh scheduler for a run of {@code steps} denoising steps. */
    public Scheduler create(int steps) {
        if (steps < 1 || steps > trainTimesteps) {
            throw new InputException("steps must be in 1.." + trainTimesteps + ", got " + steps);
        }
        return switch (kind) {
            case DDIM -> new DdimScheduler(this, steps);
            case PNDM -> new PndmScheduler(this, steps);
            case EULER -> new EulerDiscreteScheduler(this, steps);
        };
    }
}
