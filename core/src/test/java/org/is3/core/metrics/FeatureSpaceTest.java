package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.is3.core.InputException;
import org.is3.core.gt.SampleKind;
import org.junit.jupiter.api.Test;

class FeatureSpaceTest {

    @Test
    void orthogonalModalitiesHaveGapSqrtTwoAndNoAlignment() {
        FeatureSpace fs = new FeatureSpace();
        fs.addPositive(new float[] {2, 0}, new float[] {0, 5});
        fs.addPositive(new float[] {1, 0}, new float[] {0, 1});
        FeatureSpaceResult r = fs.compute();
        assertEquals(Math.sqrt(2), r.magnitude(), 0.0);
        assertEquals(0.0, r.alignment(), 0.0);
        assertEquals(2, r.positives());
        assertFalse(r.separability().containsKey(SampleKind.SILENCE));
    }

    @Test
    void identicalDirectionsHaveNoGapAndFullAlignment() {
        FeatureSpace fs = new FeatureSpace();
        fs.addPositive(new float[] {3, 4}, new float[] {6, 8});
        fs.addPositive(new float[] {0, 1}, new float[] {0, 2});
        FeatureSpaceResult r = fs.compute();
        assertEquals(0.0, r.magnitude(), 1e-16);
        assertEquals(1.0, r.alignment(), 1e-15);
    }

    @Test
    void separabilityIsPositiveCosineMinusNegativeCosinePerType() {
        FeatureSpace fs = new FeatureSpace();
        // positives: cos = 1 and cos = 0 → alignment 0.5
        fs.addPositive(new float[] {1, 0}, new float[] {1, 0});
        fs.addPositive(new float[] {1, 0}, new float[] {0, 1});
        // silence: cos = −1; noise: cos = 0 and 1 → 0.5; off-screen: cos(45°)
        fs.addNegative(SampleKind.SILENCE, new float[] {-1, 0}, new float[] {1, 0});
        fs.addNegative(SampleKind.NOISE, new float[] {0, 1}, new float[] {1, 0});
        fs.addNegative(SampleKind.NOISE, new float[] {0, 1}, new float[] {0, 1});
        fs.addNegative(SampleKind.OFFSCREEN, new float[] {1, 1}, new float[] {1, 0});
        FeatureSpaceResult r = fs.compute();
        assertEquals(0.5, r.alignment(), 0.0);
        assertEquals(-1.0, r.negativeCosine().get(SampleKind.SILENCE), 0.0);
        assertEquals(1.5, r.separability().get(SampleKind.SILENCE), 0.0);
        assertEquals(0.0, r.separability().get(SampleKind.NOISE), 0.0);
        assertEquals(0.5 - 1 / Math.sqrt(2), r.separability().get(SampleKind.OFFSCREEN), 1e-15);
    }

    @Test
    void rejectsBadInput() {
        FeatureSpace fs = new FeatureSpace();
        assertThrows(IllegalStateException.class, fs::compute);
        // a rejected first pair does not fix the dimension
        assertThrows(InputException.class, () -> fs.addPositive(new float[] {1, 0, 0}, new float[] {0, 0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> fs.addNegative(SampleKind.POSITIVE, new float[] {1}, new float[] {1}));
        fs.addPositive(new float[] {1, 0}, new float[] {0, 1});
        assertThrows(InputException.class, () -> fs.addPositive(new float[] {1, 0, 0}, new float[] {1, 0, 0}));
        assertThrows(InputException.class, () -> fs.addPositive(new float[] {0, 0}, new float[] {1, 0}));
        assertThrows(InputException.class,
                () -> fs.addNegative(SampleKind.NOISE, new float[] {1, Float.POSITIVE_INFINITY}, new float[] {1, 0}));
    }
}
