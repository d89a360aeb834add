package org.is3.core.metrics;

import java.util.Arrays;

/**
 * Partial ordering of floats through int keys that order exactly as {@link Float#compare} (and so as
 * {@code Arrays.sort(float[])}: −0.0 before 0.0, NaN last). Selecting the top of a map and sorting
 * only that part gives the same ascending tail as sorting the whole map.
 */
final class TopSelection {
    private static final int MAX_ROUNDS = 64;

    private TopSelection() {
    }

    /** An int whose signed order is the float's {@link Float#compare} order. */
    static int key(float f) {
        int bits = Float.floatToIntBits(f);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    /** The float a {@link #key} came from (NaN comes back canonical). */
    static float value(int key) {
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7FFFFFFF));
    }

    /**
     * Reorders {@code a} so that {@code a[k]} holds the value of rank k and everything after it is
     * no smaller (quickselect; falls back to a full sort on adversarial inputs).
     */
    static void partition(int[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        for (int round = 0; lo < hi; round++) {
            if (round == MAX_ROUNDS) {
                Arrays.sort(a, lo, hi + 1);
                return;
            }
            int pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return; // a[j+1 .. i-1] all equal the pivot, and k is among them
            }
        }
    }

    private static int medianOfThree(int x, int y, int z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
