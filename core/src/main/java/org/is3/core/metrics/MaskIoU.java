package org.is3.core.metrics;

import org.is3.core.grid.Grid;

/**
 * The per-image IoU of the mIoU protocols (metrics.md §6a, §6b; AVSBench {@code mask_iou}):
 * inter / (union + 1e-7); an empty GT scores the pixels where both mask and GT are 0, over
 * 50176 + 1e-7 (true negatives, so an empty mask on an empty GT scores almost 1).
 */
final class MaskIoU {
    private static final double EPS = 1e-7;
    private static final float EPS_F = 1e-7f;

    private MaskIoU() {
    }

    /**
     * Binary64, as with a float64 GT map: inter and union are exact sums of 0, 0.5 and 1, here given
     * in half-units, then {@code inter / (union + 1e-7)}.
     */
    static double float64(long interHalves, long unionHalves, boolean emptyGt, int maskCount) {
        if (emptyGt) {
            return (double) (Grid.PIXELS - maskCount) / (Grid.PIXELS + EPS);
        }
        return (interHalves * 0.5) / (unionHalves * 0.5 + EPS);
    }

    /**
     * Float32, as torch computes it for integer (uint8 / int) or float32 0/1 masks: the integer union
     * plus 1e-7 rounded to float32, then one float32 division: fl(inter / fl(union + 1e-7f)).
     */
    static float float32(int inter, int union, boolean emptyGt, int maskCount) {
        if (emptyGt) {
            return (float) (Grid.PIXELS - maskCount) / ((float) Grid.PIXELS + EPS_F);
        }
        return (float) inter / ((float) union + EPS_F);
    }
}
