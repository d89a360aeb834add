package org.is3.core.metrics;

import java.util.Arrays;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;

/**
 * The per-frame F curve of AVSBench's {@code _eval_pr} / {@code Eval_Fmeasure} (metrics.md §6b): at each
 * of the 255 thresholds θ, the pixels with probability ≥ θ are predicted; P = TP/(|pred| + 1e-20) and
 * R = TP/(|GT| + 1e-20) in float32, then F_0.3 with NaN set to 0. Counting from the sorted
 * probabilities of the GT and non-GT pixels replaces 255 passes over the image; the counts are the same
 * integers.
 */
final class AvsBenchFMeasure {
    private static final float[] THRESHOLDS = TorchFloat32.prThresholds();
    private static final float TINY = 1e-20f;

    private AvsBenchFMeasure() {
    }

    /** F at each threshold for one frame with a non-empty binary GT. A NaN probability is never predicted. */
    static float[] curve(float[] probabilities, GtMap gt) {
        float[] on = new float[gt.nonZeroCount()];
        float[] off = new float[Grid.PIXELS - on.length];
        byte[] covered = gt.toHalves();
        int nOn = 0;
        int nOff = 0;
        for (int i = 0; i < Grid.PIXELS; i++) {
            float p = probabilities[i];
            if (Float.isNaN(p)) {
                continue;
            }
            if (covered[i] != 0) {
                on[nOn++] = p;
            } else {
                off[nOff++] = p;
            }
        }
        on = Arrays.copyOf(on, nOn);
        off = Arrays.copyOf(off, nOff);
        Arrays.sort(on);
        Arrays.sort(off);
        float gtCount = gt.nonZeroCount();
        float[] f = new float[THRESHOLDS.length];
        for (int i = 0; i < THRESHOLDS.length; i++) {
            int tp = atLeast(on, THRESHOLDS[i]);
            int predicted = tp + atLeast(off, THRESHOLDS[i]);
            float precision = (float) tp / ((float) predicted + TINY);
            float recall = (float) tp / (gtCount + TINY);
            f[i] = SegmentationFMeasure.of(precision, recall);
        }
        return f;
    }

    /** Number of values ≥ t in an ascending array (±0.0 compare equal, as in torch). */
    private static int atLeast(float[] sorted, float t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return sorted.length - lo;
    }
}
