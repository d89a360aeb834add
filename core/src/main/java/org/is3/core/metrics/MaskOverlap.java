package org.is3.core.metrics;

import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;

/**
 * How the mask {h > t} of one heatmap meets a GT map: the counts every IoU variant here is built from.
 * The GT side is read run by run, so only covered pixels are visited twice.
 *
 * @param maskCount   |{h > t}|
 * @param maskOnGt    |{h > t} ∩ {G ≠ 0}|
 * @param interHalves Σ_{h > t} G in half-units
 */
record MaskOverlap(int maskCount, int maskOnGt, int interHalves) {

    static MaskOverlap of(float[] h, float t, GtMap gt) {
        int count = 0;
        for (int i = 0; i < Grid.PIXELS; i++) {
            if (h[i] > t) {
                count++;
            }
        }
        int[] onGt = new int[2]; // {pixels, half-units}
        gt.forEachRun((start, end, halves) -> {
            int n = 0;
            for (int i = start; i < end; i++) {
                if (h[i] > t) {
                    n++;
                }
            }
            onGt[0] += n;
            onGt[1] += n * halves;
        });
        return new MaskOverlap(count, onGt[0], onGt[1]);
    }

    /** Mask pixels where G = 0. */
    int maskOffGt() {
        return maskCount - maskOnGt;
    }

    /** Σ max(mask, G) in half-units: 1 on the mask, G elsewhere. */
    int unionHalves(GtMap gt) {
        return 2 * maskCount + gt.sumHalves() - interHalves;
    }
}
