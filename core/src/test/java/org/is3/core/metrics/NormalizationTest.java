package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** metrics.md §0: float32 normalisation, constant maps, NaN. */
class NormalizationTest {

    @Test
    void minMaxIsTwoFloat32Operations() {
        float[] p = Normalization.MINMAX.apply(new float[] {0f, 1f, 3f});
        assertArrayEquals(new float[] {0f, 1f / 3f, 1f}, p, 0f);
        assertEquals(0.33333334f, p[1], 0f);
    }

    @Test
    void lvsIsOneMinusMinMaxOfTheNegatedMap() {
        // fl(1 − fl(fl(3 − 1)/3)) = fl(1 − 0.6666667f) = 0.3333333f (not minmax's 0.33333334f)
        float[] p = Normalization.LVS.apply(new float[] {0f, 1f, 3f});
        assertArrayEquals(new float[] {0f, 1f - 2f / 3f, 1f}, p, 0f);
        assertEquals(0.3333333f, p[1], 0f);
    }

    @Test
    void constantMapIsUnchangedByMinMaxAndBecomesOnePlusHUnderLvs() {
        assertArrayEquals(new float[] {2.5f, 2.5f}, Normalization.MINMAX.apply(new float[] {2.5f, 2.5f}), 0f);
        assertArrayEquals(new float[] {3.5f, 3.5f}, Normalization.LVS.apply(new float[] {2.5f, 2.5f}), 0f);
        // fl(1 − 2^-30) rounds to 1: why lvs-original selects every pixel of this map (§12)
        float tiny = -Math.scalb(1f, -30);
        assertArrayEquals(new float[] {1f, 1f}, Normalization.LVS.apply(new float[] {tiny, tiny}), 0f);
    }

    @Test
    void nanAnywhereMakesTheWholeMapNaN() {
        for (Normalization n : Normalization.values()) {
            for (float v : n.apply(new float[] {1f, Float.NaN, 3f})) {
                assertTrue(Float.isNaN(v), n + " keeps a non-NaN value");
            }
        }
    }

    @Test
    void lvsRoundsNearTheMaximumToOneWhereMinMaxKeepsTheValuesApart() {
        // a is one ulp (2^-22) below the max; range = fl(max − min) ≈ 8.59, so x = 2^-22/range < 2^-25
        // and 1 − x rounds to 1. minmax keeps a at 1 − 2^-22 because fl(a − min) rounds down.
        float min = Float.parseFloat("-0x1.9c63cp+2");
        float a = Float.parseFloat("0x1.119aaap+1");
        float max = Float.parseFloat("0x1.119aacp+1");
        float[] minmax = Normalization.MINMAX.apply(new float[] {min, a, max});
        float[] lvs = Normalization.LVS.apply(new float[] {min, a, max});
        assertEquals(Float.parseFloat("0x1.fffffcp-1"), minmax[1], 0f);
        assertEquals(1f, lvs[1], 0f);
        assertEquals(1f, lvs[2], 0f);
    }

    @Test
    void inputIsNotModified() {
        float[] h = {4f, 2f, 0f};
        Normalization.MINMAX.apply(h);
        Normalization.LVS.apply(h);
        assertArrayEquals(new float[] {4f, 2f, 0f}, h, 0f);
    }
}
