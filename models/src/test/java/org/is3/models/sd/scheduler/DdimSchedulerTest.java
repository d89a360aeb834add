package org.is3.models.sd.scheduler;

import static org.is3.models.sd.scheduler.SchedulerTestSupport.config;
import static org.is3.models.sd.scheduler.SchedulerTestSupport.ddim;
import static org.is3.models.sd.scheduler.SchedulerTestSupport.ints;
import static org.is3.models.sd.scheduler.SchedulerTestSupport.noisy;
import static org.is3.models.sd.scheduler.SchedulerTestSupport.velocity;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class DdimSchedulerTest {

    @Test
    void leadingSpacingWithStepsOffsetIsSd15s() {
        int[] t = ints(SchedulerConfig.sd15(SchedulerKind.DDIM).create(50).timesteps());
        assertEquals(50, t.length);
        assertEquals(981, t[0]);
        assertEquals(961, t[1]);
        assertEquals(1, t[49]);
    }

    @Test
    void linspaceAndTrailingSpacingsRoundAsNumpy() {
        // numpy: linspace(0, 999, 7) = [0, 166.5, 333, 499.5, 666, 832.5, 999]; round half to even
        assertArrayEquals(new int[] {999, 832, 666, 500, 333, 166, 0},
                ints(config(SchedulerKind.DDIM, TimestepSpacing.LINSPACE, PredictionType.EPSILON).create(7).timesteps()));
        // round(arange(1000, 0, -1000/7)) - 1
        assertArrayEquals(new int[] {999, 856, 713, 570, 428, 285, 142},
                ints(config(SchedulerKind.DDIM, TimestepSpacing.TRAILING, PredictionType.EPSILON).create(7).timesteps()));
    }

    @Test
    void epsilonStepMatchesClosedFormAndGolden() {
        Scheduler s = SchedulerConfig.sd15(SchedulerKind.DDIM).create(50);
        float[] x = {1f, -2f, 0.25f};
        float[] eps = {0.5f, 0.1f, -1f};
        float[] out = s.step(eps, 0, x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(ddim(x[i], eps[i], 981, 961), out[i], 1e-6);
        }
        // golden from torch float32 alphas: 981 -> 961 with x = 1, eps = 0.5
        assertEquals(1.0612257, out[0], 2e-6);
        assertEquals(1f, s.initNoiseSigma());
        assertSame(x, s.scaleModelInput(x, 0));
    }

    @Test
    void lastStepUsesAlphaZeroWhenSetAlphaToOneIsFalse() {
        Scheduler s = SchedulerConfig.sd15(SchedulerKind.DDIM).create(50);
        float[] out = s.step(new float[] {0.5f}, 49, new float[] {1f});
        assertEquals(ddim(1, 0.5, 1, 0), out[0], 1e-6);
        assertEquals(0.994356725, out[0], 2e-6);
    }

    @Test
    void exactPredictionsLandOnTheNextNoisySampleForEpsilonAndV() {
        double x0 = 0.3;
        double eps = -1.2;
        for (PredictionType p : PredictionType.values()) {
            Scheduler s = config(SchedulerKind.DDIM, TimestepSpacing.LEADING, p).create(10);
            int[] t = ints(s.timesteps());
            float[] x = {(float) noisy(x0, eps, t[0])};
            for (int i = 0; i < t.length; i++) {
                float m = (float) (p == PredictionType.V ? velocity(x0, eps, t[i]) : eps);
                x = s.step(new float[] {m}, i, x);
                int prev = t[i] - 100;
                assertEquals(noisy(x0, eps, prev), x[0], 2e-6, p + " step " + i);
            }
        }
    }
}
