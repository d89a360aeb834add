package org.is3.core.metrics;

import java.util.Arrays;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;

/**
 * Per-sample cIoU and adaptive cIoU, written to mirror the reference step by step (metrics.md §0,
 * §2, §3): normalise in float32, take order statistics of the full ascending sort, binarise, and
 * divide exact sums once. Clarity over speed; a faster engine can be checked against this one. The
 * order statistics and the grid check serve every protocol of this package that thresholds a map.
 */
public final class CIoU {
    /** {@code int(224*224*0.5)}: the 0-based index of the "median" in the ascending sort. */
    public static final int MEDIAN_INDEX = Grid.PIXELS / 2;

    private CIoU() {
    }

    /** Scores one 224×224 row-major heatmap against its GT under a protocol. */
    public static SampleCIoU score(float[] heatmap, GtMap gt, LocalizationProtocol protocol) {
        requireGrid(heatmap, "heatmap");
        float[] p = protocol.normalization().apply(heatmap);
        float[] sorted = sortedCopy(p);
        float t50 = sorted[MEDIAN_INDEX];
        float tk = sorted[Grid.PIXELS - adaptiveK(gt)];
        Binarization rule = protocol.binarization();
        return new SampleCIoU(ciou(p, gt, rule, t50), ciou(p, gt, rule, tk));
    }

    /**
     * The adaptive-threshold k of §3: the number of non-zero GT pixels (Flickr halves count), or
     * {@code 224·224 // 2} when the GT is empty. The threshold is the order statistic at {@code N − k}.
     */
    public static int adaptiveK(GtMap gt) {
        int k = gt.nonZeroCount();
        return k == 0 ? Grid.PIXELS / 2 : k;
    }

    /**
     * {@code cIoU = Σ_A G / (Σ G + |A ∩ {G = 0}|)} for the mask {@code A = {rule.selects(p, threshold)}}.
     * Every sum is a multiple of 0.5, so it is exact in binary64 and the result is one correctly
     * rounded division, as in the reference; 0/0 (empty GT, empty mask) is NaN.
     */
    public static double ciou(float[] scores, GtMap gt, Binarization rule, float threshold) {
        requireGrid(scores, "score map");
        MaskOverlap o = MaskOverlap.of(scores, rule, threshold, gt);
        double intersection = o.interHalves() * 0.5;
        double union = gt.sumHalves() * 0.5 + o.maskOffGt();
        return intersection / union;
    }

    /**
     * {@code np.sort(map.flatten())[index]} (§0 "Order statistic"); the map is not modified. NaN sorts
     * last, as in numpy; Java puts −0.0 before 0.0 where numpy keeps input order, but the two compare
     * equal, so no {@code >} or {@code ≥} against the threshold changes.
     */
    static float orderStatistic(float[] map, int index) {
        return sortedCopy(map)[index];
    }

    private static float[] sortedCopy(float[] map) {
        float[] sorted = map.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Rejects a map that is not on the 224×224 grid; {@code what} names it in the message. */
    static void requireGrid(float[] map, String what) {
        if (map == null) {
            throw new IllegalArgumentException(what + " is missing (null)");
        }
        if (map.length != Grid.PIXELS) {
            throw new IllegalArgumentException(what + " has " + map.length + " values, expected "
                    + Grid.SIZE + "x" + Grid.SIZE + " = " + Grid.PIXELS);
        }
    }
}
