package org.is3.core.metrics;

import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;

/**
 * How the mask {@code A = {rule.selects(h, t)}} of one map meets a GT map: the counts that cIoU
 * (metrics.md §2, §7) and the per-image IoU of the mIoU protocols (§6a, §6b) are built from. The GT
 * side is read run by run, so only covered pixels are visited twice.
 *
 * @param maskCount   |A|
 * @param maskOnGt    |A ∩ {G ≠ 0}|
 * @param interHalves Σ_A G in half-units
 */
record MaskOverlap(int maskCount, int maskOnGt, int interHalves) {
    private static final double EPS = 1e-7;
    private static final float EPS_F = 1e-7f;

    static MaskOverlap of(float[] h, Binarization rule, float t, GtMap gt) {
        int count = 0;
        for (int i = 0; i < Grid.PIXELS; i++) {
            if (rule.selects(h[i], t)) {
                count++;
            }
        }
        int[] onGt = new int[2]; // {pixels, half-units}
        gt.forEachRun((start, end, halves) -> {
            int n = 0;
            for (int i = start; i < end; i++) {
                if (rule.selects(h[i], t)) {
                    n++;
                }
            }
            onGt[0] += n;
            onGt[1] += n * halves;
        });
        return new MaskOverlap(count, onGt[0], onGt[1]);
    }

    /** Rejects a GT map with values 0.5 where the protocol takes a 0/1 mask; {@code what} names it. */
    static void requireBinary(GtMap gt, String what) {
        if (gt.sumHalves() != 2 * gt.nonZeroCount()) {
            throw new IllegalArgumentException(what + " must be a binary (0/1) GT mask, but this GT map has"
                    + " values 0.5");
        }
    }

    /** Mask pixels where G = 0. */
    int maskOffGt() {
        return maskCount - maskOnGt;
    }

    /** Σ max(mask, G) in half-units: 1 on the mask, G elsewhere. */
    private int unionHalves(GtMap gt) {
        return 2 * maskCount + gt.sumHalves() - interHalves;
    }

    /**
     * The mIoU protocols' image IoU (AVSBench {@code mask_iou}) in binary64, as with a float64 GT map:
     * inter and union are exact sums of 0, 0.5 and 1, then {@code inter / (union + 1e-7)}. An empty GT
     * scores the pixels where both mask and GT are 0, over {@code 50176 + 1e-7} (true negatives, so an
     * empty mask on an empty GT scores almost 1).
     */
    double iouFloat64(GtMap gt) {
        if (gt.isEmpty()) {
            return (double) (Grid.PIXELS - maskCount) / (Grid.PIXELS + EPS);
        }
        return (interHalves * 0.5) / (unionHalves(gt) * 0.5 + EPS);
    }

    /**
     * The same in float32, as torch computes it for integer (uint8 / int) or float32 0/1 masks; the GT
     * must be binary. The integer union plus 1e-7 is rounded to float32, then one float32 division:
     * {@code fl(inter / fl(union + 1e-7f))}.
     */
    float iouFloat32(GtMap gt) {
        if (gt.isEmpty()) {
            return (float) (Grid.PIXELS - maskCount) / ((float) Grid.PIXELS + EPS_F);
        }
        return (float) maskOnGt / ((float) (unionHalves(gt) / 2) + EPS_F);
    }
}
