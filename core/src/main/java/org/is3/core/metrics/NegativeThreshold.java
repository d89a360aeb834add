package org.is3.core.metrics;

import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;

/**
 * How vssl_eval binarises the raw heatmaps of one image (metrics.md §7): the threshold T that is
 * applied to the positive map and to its three negative maps alike.
 */
public sealed interface NegativeThreshold {

    /** The reference's {@code --threshold} default. */
    NegativeThreshold DEFAULT = universal(0.5);

    /** The float32 threshold for this image, from its raw positive heatmap and its GT. */
    float threshold(float[] positive, GtMap gt);

    /**
     * A fixed T for every image: {@code --threshold} (default 0.5) or one of the per-model constants of
     * {@code eval.py} ({@code max}, {@code max10}, {@code maxq3}). numpy 1.x compares a float32 array
     * with a Python float in float32, so T is rounded to float32 first: a pixel equal to
     * {@code (float) 0.545} is not above 0.545, although 0.545f is larger than the double 0.545.
     */
    static NegativeThreshold universal(double value) {
        return new Universal(value);
    }

    /** {@code _thrciou}: the positive's own t50, the order statistic at index 25088 of the raw positive map. */
    static NegativeThreshold positiveMedian() {
        return new PositiveMedian();
    }

    /**
     * {@code _thrciouadap}: the positive's own t_k on the raw positive map, k = number of non-zero GT
     * pixels, or 25088 when the GT is empty; index 50176 − k (metrics.md §3).
     */
    static NegativeThreshold positiveAdaptive() {
        return new PositiveAdaptive();
    }

    record Universal(double value) implements NegativeThreshold {
        @Override
        public float threshold(float[] positive, GtMap gt) {
            return (float) value;
        }
    }

    record PositiveMedian() implements NegativeThreshold {
        @Override
        public float threshold(float[] positive, GtMap gt) {
            return CIoU.orderStatistic(positive, CIoU.MEDIAN_INDEX);
        }
    }

    record PositiveAdaptive() implements NegativeThreshold {
        @Override
        public float threshold(float[] positive, GtMap gt) {
            return CIoU.orderStatistic(positive, Grid.PIXELS - CIoU.adaptiveK(gt));
        }
    }
}
