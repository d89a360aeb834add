package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopSelectionTest {

    @Test
    void keysOrderLikeFloatCompare() {
        float[] values = {Float.NaN, Float.POSITIVE_INFINITY, 1f, Float.MIN_VALUE, 0f, -0f, -Float.MIN_VALUE, -1f,
            Float.NEGATIVE_INFINITY};
        for (float x : values) {
            assertEquals(Float.floatToIntBits(x), Float.floatToIntBits(TopSelection.value(TopSelection.key(x))));
            for (float y : values) {
                assertEquals(Integer.signum(Float.compare(x, y)),
                        Integer.signum(Integer.compare(TopSelection.key(x), TopSelection.key(y))), x + " vs " + y);
            }
        }
    }

    @Test
    void selectedTailSortedEqualsTheTailOfAFullSort() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(3000);
            int levels = 1 + rnd.nextInt(trial % 2 == 0 ? 5 : 100_000); // heavy ties and distinct values
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = rnd.nextInt(levels) - levels / 2;
            }
            if (trial % 10 == 0) {
                Arrays.sort(a); // sorted and reversed inputs
            }
            int k = rnd.nextInt(n);
            int[] expected = a.clone();
            Arrays.sort(expected);
            int[] actual = a.clone();
            TopSelection.partition(actual, k);
            assertEquals(expected[k], actual[k], "rank " + k);
            Arrays.sort(actual, k, n);
            assertArrayEquals(Arrays.copyOfRange(expected, k, n), Arrays.copyOfRange(actual, k, n));
        }
    }

    @Test
    void topQuarterMeanEqualsTheMeanOfTheFullySortedTail() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int trial = 0; trial < 20; trial++) {
            float[] s = new float[50176];
            for (int i = 0; i < s.length; i++) {
                s[i] = trial % 3 == 0 ? rnd.nextInt(4) * 0.25f : (float) rnd.nextGaussian();
            }
            float[] sorted = s.clone();
            Arrays.sort(sorted);
            float expected = NumpySum.sum(sorted, sorted.length - 12544, sorted.length) / 12544;
            assertEquals(expected, ExtendedMetrics.topQuarterMean(s), 0.0f, "trial " + trial);
        }
    }
}
