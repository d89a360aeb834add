package org.is3.models.sd.scheduler;

import static org.is3.models.sd.scheduler.SchedulerTestSupport.SD;
import static org.is3.models.sd.scheduler.SchedulerTestSupport.config;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EulerDiscreteSchedulerTest {

    static EulerDiscreteScheduler euler(TimestepSpacing spacing, PredictionType p, int steps) {
        return (EulerDiscreteScheduler) config(SchedulerKind.EULER, spacing, p).create(steps);
    }

    @Test
    void linspaceIsTheDefaultForSd15AndKeepsFractionalTimesteps() {
        Scheduler s = SchedulerConfig.sd15(SchedulerKind.EULER).create(7);
        assertArrayEquals(new double[] {999, 832.5, 666, 499.5, 333, 166.5, 0}, s.timesteps(), 0);
    }

    @Test
    void sigmasAreInterpolatedAndEndAtZero() {
        EulerDiscreteScheduler s = euler(TimestepSpacing.LINSPACE, PredictionType.EPSILON, 7);
        // golden: numpy interp over torch float32 sigmas
        assertEquals(14.614645, s.sigma(0), 1e-4);
        assertEquals(5.94891787, s.sigma(1), 5.95 * 1e-5);
        assertEquals(1.6155833, s.sigma(3), 1.62 * 1e-5);
        assertEquals(0.02916753, s.sigma(6), 0.03 * 5e-5);
        assertEquals((SD.sigma(832) + SD.sigma(833)) / 2, s.sigma(1), 1e-12);
        assertEquals(0.0, s.sigma(7), 0);
    }

    @Test
    void initialNoiseSigmaDependsOnSpacing() {
        assertEquals(SD.sigma(999), euler(TimestepSpacing.LINSPACE, PredictionType.EPSILON, 4).initNoiseSigma(), 1e-12);
        assertEquals(SD.sigma(999), euler(TimestepSpacing.TRAILING, PredictionType.EPSILON, 4).initNoiseSigma(), 1e-12);
        double s981 = SD.sigma(981);
        assertEquals(Math.sqrt(s981 * s981 + 1), euler(TimestepSpacing.LEADING, PredictionType.EPSILON, 50)
                .initNoiseSigma(), 1e-12);
        assertEquals(13.158468, euler(TimestepSpacing.LEADING, PredictionType.EPSILON, 50).initNoiseSigma(), 1e-4);
    }

    @Test
    void modelInputIsScaledByOneOverRootSigmaSquaredPlusOne() {
        EulerDiscreteScheduler s = euler(TimestepSpacing.LINSPACE, PredictionType.EPSILON, 4);
        double sigma = s.sigma(1);
        float[] in = s.scaleModelInput(new float[] {2f, -1f}, 1);
        assertEquals(2 / Math.sqrt(sigma * sigma + 1), in[0], 1e-6);
        assertEquals(-1 / Math.sqrt(sigma * sigma + 1), in[1], 1e-6);
    }

    @Test
    void exactPredictionsFollowTheProbabilityFlowForEpsilonAndV() {
        double x0 = 0.6;
        double eps = -0.7;
        for (PredictionType p : PredictionType.values()) {
            EulerDiscreteScheduler s = euler(TimestepSpacing.LINSPACE, p, 6);
            float[] x = {(float) (x0 + s.sigma(0) * eps)};
            for (int i = 0; i < 6; i++) {
                double sigma = s.sigma(i);
                double alpha = 1 / Math.sqrt(sigma * sigma + 1);
                // v of the scaled input x/√(σ²+1) = α·x0 + σα·eps
                double v = alpha * eps - sigma * alpha * x0;
                x = s.step(new float[] {(float) (p == PredictionType.V ? v : eps)}, i, x);
                assertEquals(x0 + s.sigma(i + 1) * eps, x[0], 2e-5, p + " step " + i);
            }
            assertEquals(x0, x[0], 2e-5);
        }
    }

    @Test
    void oneEpsilonStepIsTheEulerUpdate() {
        EulerDiscreteScheduler s = euler(TimestepSpacing.LINSPACE, PredictionType.EPSILON, 4);
        float[] out = s.step(new float[] {0.25f}, 2, new float[] {1.5f});
        // derivative (x − (x − σ·ε))/σ = ε, so x + ε·(σ_next − σ)
        assertEquals(1.5 + 0.25 * (s.sigma(3) - s.sigma(2)), out[0], 1e-6);
    }
}
