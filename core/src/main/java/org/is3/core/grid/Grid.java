package org.is3.core.grid;

/** The evaluation grid of every reference implementation: 224×224, row-major (metrics.md §0). */
public final class Grid {
    public static final int SIZE = 224;
    public static final int PIXELS = SIZE * SIZE;

    private Grid() {
    }
}
