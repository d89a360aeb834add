package org.is3.core.metrics;

import java.util.Arrays;

/**
 * The best {@value #SIZE} items of many rankings at once, stored flat: for ranking r, slots
 * {@code r·SIZE …} hold (score, index) best first. The order is total (higher score first, then lower
 * index), so the kept set does not depend on the order items are offered in, and two partial lists
 * merge into the same list one would have got from all items.
 */
final class RetrievalTopLists {
    static final int SIZE = 10;

    private final double[] scores;
    private final int[] indices;
    private final int[] sizes;

    RetrievalTopLists(int rankings) {
        scores = new double[rankings * SIZE];
        indices = new int[rankings * SIZE];
        sizes = new int[rankings];
    }

    void offer(int ranking, double score, int index) {
        int base = ranking * SIZE;
        int n = sizes[ranking];
        if (n == SIZE && !before(score, index, scores[base + SIZE - 1], indices[base + SIZE - 1])) {
            return;
        }
        int pos = n == SIZE ? SIZE - 1 : n;
        while (pos > 0 && before(score, index, scores[base + pos - 1], indices[base + pos - 1])) {
            scores[base + pos] = scores[base + pos - 1];
            indices[base + pos] = indices[base + pos - 1];
            pos--;
        }
        scores[base + pos] = score;
        indices[base + pos] = index;
        if (n < SIZE) {
            sizes[ranking] = n + 1;
        }
    }

    /** Offers every kept item of {@code other} (same number of rankings). */
    void mergeFrom(RetrievalTopLists other) {
        for (int r = 0; r < sizes.length; r++) {
            for (int k = 0; k < other.sizes[r]; k++) {
                offer(r, other.scores[r * SIZE + k], other.indices[r * SIZE + k]);
            }
        }
    }

    /** The indices of ranking r, best first (at most {@value #SIZE}). */
    int[] top(int ranking) {
        return Arrays.copyOfRange(indices, ranking * SIZE, ranking * SIZE + sizes[ranking]);
    }

    private static boolean before(double s, int i, double t, int j) {
        return s > t || (s == t && i < j);
    }
}
