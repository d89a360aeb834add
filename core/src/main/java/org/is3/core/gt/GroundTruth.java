package org.is3.core.gt;

import java.util.Objects;

/**
 * The ground truth of one evaluation sample.
 *
 * @param id        the sample id predictions are matched on (e.g. {@code accordion_baby_10467_accordion})
 * @param map       the 224×224 GT map
 * @param boxCount  number of annotated boxes/masks; 0 marks a negative (non-sounding) sample, as
 *                  SLAVC's {@code bb} (metrics.md §5)
 * @param kind      what kind of sample this is
 */
public record GroundTruth(String id, GtMap map, int boxCount, SampleKind kind) {
    public GroundTruth {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(kind, "kind");
        if (boxCount < 0) {
            throw new IllegalArgumentException("boxCount < 0 for " + id);
        }
    }

    public static GroundTruth positive(String id, GtMap map, int boxCount) {
        return new GroundTruth(id, map, boxCount, SampleKind.POSITIVE);
    }

    public boolean isNegative() {
        return kind != SampleKind.POSITIVE;
    }
}
