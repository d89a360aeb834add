package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.junit.jupiter.api.Test;

/** metrics.md §5, computed by hand. */
class ExtendedMetricsTest {

    /** A negative (0.9), a correct (0.8), a mislocalised (0.7) and a missed (0.1) positive. */
    private static ConfidenceSweep fourSamples(double theta) {
        return new ConfidenceSweep(new int[] {0, 1, 2, 1}, new double[] {0.0, 0.6, 0.3, 0.9},
                new float[] {0.9f, 0.8f, 0.7f, 0.1f}, theta);
    }

    @Test
    void aMislocalisedDetectionIsAFalsePositiveOnly() {
        // at 0.5: TP 1, FP 2 (negative + mislocalised), FN 1
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 2}, fourSamples(0.5).precisionRecall(0.5), 0.0);
        // every sample detected: FN 0, so recall reaches 1 even though one detection is wrong
        assertArrayEquals(new double[] {2.0 / 4, 1.0}, fourSamples(0.5).precisionRecall(-1000), 0.0);
        // nothing detected: 0/0 precision is 1, recall 0/2
        assertArrayEquals(new double[] {1.0, 0.0}, fourSamples(0.5).precisionRecall(2), 0.0);
    }

    @Test
    void averagePrecisionDropsTheLargestConfidenceAndNeedsTwoThresholds() {
        ConfidenceSweep three = new ConfidenceSweep(new int[] {1, 1, 1}, new double[] {0.9, 0.9, 0.9},
                new float[] {0.1f, 0.2f, 0.3f}, 0.5);
        // thresholds 0.2 (P 1, R 2/3) then 0.1 (P 1, R 1)
        assertEquals(1.0 * (1.0 - 2.0 / 3), three.averagePrecision(), 0.0);
        assertEquals(0.0, new ConfidenceSweep(new int[] {1}, new double[] {0.9}, new float[] {0.5f}, 0.5)
                .averagePrecision(), 0.0);
        assertEquals(0.0, new ConfidenceSweep(new int[] {1, 0}, new double[] {0.9, 0}, new float[] {0.5f, 0.4f}, 0.5)
                .averagePrecision(), 0.0);
    }

    @Test
    void precisionIsReplacedByItsRunningMaximumFromTheRight() {
        // ascending conf: neg 0.1, pos 0.2, neg 0.3, pos 0.4 (largest dropped); thresholds 0.3, 0.2, 0.1
        ConfidenceSweep s = new ConfidenceSweep(new int[] {0, 1, 0, 1}, new double[] {0, 1, 0, 1},
                new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 0.5);
        // (P, R): 0.3 → (1/2, 1/2); 0.2 → (2/3, 1); 0.1 → (2/4, 1). P* = 2/3, 2/3, 1/2
        assertEquals(2.0 / 3 * (1.0 - 0.5) + 2.0 / 3 * (1.0 - 1.0), s.averagePrecision(), 0.0);
    }

    @Test
    void f1IsTakenAtEveryTenthAscendingConfidence() {
        int n = 25; // step 2: thresholds at sorted indices 0, 2, …, 24
        int[] bb = new int[n];
        double[] ciou = new double[n];
        float[] conf = new float[n];
        for (int i = 0; i < n; i++) {
            bb[i] = 1;
            ciou[i] = 1.0;
            conf[i] = (n - i) / 32f;
        }
        List<Double> f1 = new ConfidenceSweep(bb, ciou, conf, 0.5).f1List();
        assertEquals(13, f1.size());
        // at sorted index j every sample with conf ≥ it is a TP: P = 1, R = (n − j)/n
        for (int k = 0; k < 13; k++) {
            double r = (n - 2.0 * k) / n;
            assertEquals(2 * r * 1.0 / (r + 1.0), f1.get(k), 0.0);
        }
    }

    @Test
    void subsetsSplitPositivesByGtAreaAndPrecisionOnVisibleIsLocAcc() {
        ExtendedMetrics m = new ExtendedMetrics();
        m.add(0, 0.0, 0.9f, 0.0);         // negative
        m.add(1, 0.6, 0.8f, 1023.5);      // small
        m.add(1, 0.3, 0.7f, 1024.0);      // medium
        m.add(2, 0.9, 0.1f, 20736.0);     // huge
        ExtendedResult r = m.compute();
        assertEquals(4, r.get(ExtendedSubset.ALL, 0.5).n());
        assertEquals(3, r.get(ExtendedSubset.VISIBLE, 0.5).n());
        assertEquals(1, r.get(ExtendedSubset.SMALL, 0.75).n());
        assertEquals(1, r.get(ExtendedSubset.MEDIUM, 0.5).n());
        assertEquals(1, r.get(ExtendedSubset.HUGE, 0.5).n());
        assertEquals(2.0 / 3, r.locAcc(), 0.0);
        assertEquals(2.0 / 4, r.get(ExtendedSubset.ALL, 0.5).precision(), 0.0);
        assertEquals(1.0 / 4, r.get(ExtendedSubset.ALL, 0.75).precision(), 0.0);
        SubsetScores large = r.get(ExtendedSubset.LARGE, 0.5);
        assertEquals(0, large.n());
        assertTrue(Double.isNaN(large.ap()) && Double.isNaN(large.precision()) && Double.isNaN(large.auc()));
        assertTrue(large.f1().isEmpty() && Double.isNaN(large.maxF1()));
        assertEquals(12, r.scores().size());
    }

    @Test
    void aucCoversPositivesOnlyAndIsNaNWithoutThem() {
        ExtendedMetrics m = new ExtendedMetrics();
        m.add(0, 0.0, 0.3f, 0.0);
        m.add(0, 0.0, 0.2f, 0.0);
        ExtendedResult r = m.compute();
        assertTrue(Double.isNaN(r.get(ExtendedSubset.ALL, 0.5).auc()));
        assertEquals(0.0, r.get(ExtendedSubset.ALL, 0.5).precision(), 0.0);
        assertEquals(List.of(0.0, 0.0), r.get(ExtendedSubset.ALL, 0.5).f1());
        assertEquals(0.0, r.maxF1(), 0.0);
    }

    @Test
    void nanConfidenceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ExtendedMetrics().add(1, 0.5, Float.NaN, 10));
    }

    @Test
    void cosineZeroScoresExactlyOneHalfAndTheAbsoluteMaskKeepsIt() {
        float[] h = new float[Grid.PIXELS]; // cos = 0 everywhere
        float[] s = ExtendedMetrics.scores(h, 0.03);
        // fl(0 − f32(−1/τ)) / f32(2/τ) = f32(1/τ) / (2·f32(1/τ)) = 0.5 exactly
        assertEquals(0.5f, s[0], 0f);
        assertEquals(0.5f, ExtendedMetrics.confidence(h, 0.03), 0f);
        GtMap gt = GtMap.union(List.of(new PixelBox(0, 0, 10, 10)));
        GroundTruth truth = GroundTruth.positive("x_y", gt, 1);
        ExtendedSample abs = ExtendedMetrics.score(h, gt, 0.03, false);
        assertEquals(100.0 / Grid.PIXELS, abs.ciou(), 0.0); // s ≥ 0.5 selects every pixel
        assertEquals(abs, ExtendedMetrics.score(h, gt, 0.03, true)); // minmax leaves it; ≥ t keeps all
        ExtendedMetrics m = new ExtendedMetrics();
        m.add(truth, abs);
        assertEquals(1, m.compute().get(ExtendedSubset.SMALL, 0.5).n());
    }

    @Test
    void confidenceIsTheMeanOfTheTopQuarter() {
        float[] h = new float[Grid.PIXELS]; // cos = 0: s = 0.5
        float cosOne = (float) (1 / 0.03);  // s = fl(fl(f32(1/τ) + f32(1/τ)) / f32(2/τ)) = 1 exactly
        Arrays.fill(h, Grid.PIXELS - Grid.PIXELS / 4, Grid.PIXELS, cosOne);
        assertEquals(1.0f, ExtendedMetrics.confidence(h, 0.03), 0f);
        h[Grid.PIXELS - Grid.PIXELS / 4] = 0f; // one 0.5 enters the top quarter
        assertEquals((Grid.PIXELS / 4 - 0.5f) / (Grid.PIXELS / 4), ExtendedMetrics.confidence(h, 0.03), 0f);
        h[0] = Float.NaN; // sorts last, into the top quarter
        assertTrue(Float.isNaN(ExtendedMetrics.confidence(h, 0.03)));
    }

    @Test
    void rejectsUnusableTau() {
        float[] h = new float[Grid.PIXELS];
        assertThrows(IllegalArgumentException.class, () -> ExtendedMetrics.confidence(h, 0.0));
        assertThrows(IllegalArgumentException.class, () -> ExtendedMetrics.confidence(h, Double.NaN));
    }
}
