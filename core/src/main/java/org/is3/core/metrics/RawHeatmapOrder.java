package org.is3.core.metrics;

import java.util.Arrays;
import org.is3.core.grid.Grid;

/**
 * Order statistics of a raw float32 heatmap, as the reference takes them with
 * {@code np.sort(h.flatten())[index]} (metrics.md §0 "Order statistic"): NaN sorts last, and the
 * ±0.0 order that Java and numpy may disagree on never changes a {@code >} comparison.
 */
final class RawHeatmapOrder {
    /** 0-based index of the median threshold t50: {@code int(224*224*0.5)}. */
    static final int MEDIAN_INDEX = Grid.PIXELS / 2;

    private RawHeatmapOrder() {
    }

    /** The value at {@code index} of the ascending sort of {@code heatmap} (the input is not modified). */
    static float at(float[] heatmap, int index) {
        float[] sorted = heatmap.clone();
        Arrays.sort(sorted);
        return sorted[index];
    }

    /** Rejects a heatmap that is not on the 224×224 grid; {@code what} names it in the message. */
    static void requireGrid(float[] heatmap, String what) {
        if (heatmap == null) {
            throw new IllegalArgumentException(what + " heatmap is null");
        }
        if (heatmap.length != Grid.PIXELS) {
            throw new IllegalArgumentException(what + " heatmap has " + heatmap.length + " values, expected "
                    + Grid.PIXELS + " (224×224)");
        }
    }
}
