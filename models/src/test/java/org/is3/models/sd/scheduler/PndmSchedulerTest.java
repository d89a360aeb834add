package org.is3.models.sd.scheduler;

import static org.is3.models.sd.scheduler.SchedulerTestSupport.config;
import static org.is3.models.sd.scheduler.SchedulerTestSupport.ddim;
import static org.is3.models.sd.scheduler.SchedulerTestSupport.ints;
import static org.is3.models.sd.scheduler.SchedulerTestSupport.noisy;
import static org.is3.models.sd.scheduler.SchedulerTestSupport.velocity;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PndmSchedulerTest {

    @Test
    void plmsTimestepsRepeatTheSecondOne() {
        int[] t = ints(SchedulerConfig.sd15(SchedulerKind.PNDM).create(50).timesteps());
        assertEquals(51, t.length);
        assertArrayEquals(new int[] {981, 961, 961, 941, 921}, java.util.Arrays.copyOf(t, 5));
        assertEquals(1, t[50]);
        assertArrayEquals(new int[] {751, 501, 501, 251, 1},
                ints(SchedulerConfig.sd15(SchedulerKind.PNDM).create(4).timesteps()));
        assertArrayEquals(new int[] {1}, ints(SchedulerConfig.sd15(SchedulerKind.PNDM).create(1).timesteps()));
        // trailing: round(arange(1000, 0, -1000/7))[::-1] - 1, then the PLMS repeat
        assertArrayEquals(new int[] {999, 856, 856, 713, 570, 428, 285, 142},
                ints(config(SchedulerKind.PNDM, TimestepSpacing.TRAILING, PredictionType.EPSILON).create(7).timesteps()));
    }

    @Test
    void multistepCombinationsFollowPlmsWithSkippedRungeKutta() {
        // outputs e0..e5 at the calls; 4 steps of ratio 250: calls at 751, 501(redo from 751), 501, 251, 1
        Scheduler s = SchedulerConfig.sd15(SchedulerKind.PNDM).create(4);
        double[] e = {0.4, -0.2, 0.7, 0.1, -0.5};
        double x0 = 0.8;
        float[] x = {(float) x0};
        // call 0: plain transfer 751 -> 501, remembered sample x0
        float[] x1 = s.step(new float[] {(float) e[0]}, 0, x);
        assertEquals(ddim(x0, e[0], 751, 501), x1[0], 1e-6);
        // call 1 (at 501): from the remembered sample at 751 with the mean of e0 and e1, to 501
        float[] x2 = s.step(new float[] {(float) e[1]}, 1, x1);
        assertEquals(ddim(x0, (e[0] + e[1]) / 2, 751, 501), x2[0], 1e-6);
        // call 2: e1 was not stored, so the history is e0, e2: (3·e2 − e0)/2, 501 -> 251
        float[] x3 = s.step(new float[] {(float) e[2]}, 2, x2);
        assertEquals(ddim(x2[0], (3 * e[2] - e[0]) / 2, 501, 251), x3[0], 1e-6);
        // call 3: e0, e2, e3: (23·e3 − 16·e2 + 5·e0)/12, 251 -> 1
        float[] x4 = s.step(new float[] {(float) e[3]}, 3, x3);
        assertEquals(ddim(x3[0], (23 * e[3] - 16 * e[2] + 5 * e[0]) / 12, 251, 1), x4[0], 1e-6);
        // call 4: four outputs: (55·e4 − 59·e3 + 37·e2 − 9·e0)/24, 1 -> ᾱ_0 (set_alpha_to_one false)
        float[] x5 = s.step(new float[] {(float) e[4]}, 4, x4);
        assertEquals(ddim(x4[0], (55 * e[4] - 59 * e[3] + 37 * e[2] - 9 * e[0]) / 24, 1, -1), x5[0], 1e-6);
    }

    @Test
    void exactEpsilonPredictionsLandOnTheCleanEnd() {
        double x0 = -0.4;
        double eps = 0.9;
        Scheduler s = config(SchedulerKind.PNDM, TimestepSpacing.LEADING, PredictionType.EPSILON).create(8);
        int[] t = ints(s.timesteps());
        float[] x = {(float) noisy(x0, eps, t[0])};
        for (int i = 0; i < t.length; i++) {
            x = s.step(new float[] {(float) eps}, i, x);
        }
        assertEquals(noisy(x0, eps, 0), x[0], 5e-6);
    }

    @Test
    void velocityIsTurnedIntoNoiseBeforeTheTransfer() {
        // v-prediction: ε = √ᾱ·v + √(1−ᾱ)·x at the step's start; exact for a single step
        double x0 = -0.4;
        double eps = 0.9;
        Scheduler s = config(SchedulerKind.PNDM, TimestepSpacing.LEADING, PredictionType.V).create(8);
        float[] x = {(float) noisy(x0, eps, 876)};
        float[] out = s.step(new float[] {(float) velocity(x0, eps, 876)}, 0, x);
        assertEquals(noisy(x0, eps, 751), out[0], 2e-6);
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        Scheduler s = SchedulerConfig.sd15(SchedulerKind.PNDM).create(4);
        assertThrows(IllegalStateException.class, () -> s.step(new float[] {0}, 1, new float[] {0}));
    }
}
