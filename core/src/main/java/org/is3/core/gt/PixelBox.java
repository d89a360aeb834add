package org.is3.core.gt;

import org.is3.core.grid.Grid;

/**
 * A box in integer pixels of the 224×224 frame, xyxy, end-exclusive.
 * It covers rows {@code ymin … ymax−1} and columns {@code xmin … xmax−1} with Python slice
 * semantics (metrics.md §1): a negative bound wraps around once, bounds are clipped to the grid,
 * an empty or reversed box covers nothing.
 */
public record PixelBox(int xmin, int ymin, int xmax, int ymax) {

    /** First covered column (inclusive) after slice normalisation. */
    public int colStart() {
        return sliceBound(xmin);
    }

    /** Last covered column (exclusive) after slice normalisation. */
    public int colEnd() {
        return sliceBound(xmax);
    }

    public int rowStart() {
        return sliceBound(ymin);
    }

    public int rowEnd() {
        return sliceBound(ymax);
    }

    /** Number of pixels this box covers on the grid. */
    public int area() {
        return Math.max(0, colEnd() - colStart()) * Math.max(0, rowEnd() - rowStart());
    }

    /** Python's {@code slice.indices(224)} for one bound with step 1. */
    static int sliceBound(int v) {
        if (v < 0) {
            v += Grid.SIZE;
            return Math.max(v, 0);
        }
        return Math.min(v, Grid.SIZE);
    }
}
