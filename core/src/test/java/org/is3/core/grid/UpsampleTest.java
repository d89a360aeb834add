package org.is3.core.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UpsampleTest {

    /** Distinct, exactly representable values. */
    static float[] input(int n) {
        float[] v = new float[n * n];
        for (int k = 0; k < v.length; k++) {
            long x = ((long) k * 2654435761L + n * 97L) % 100003;
            v[k] = (float) ((x - 50000) / 1024.0);
        }
        return v;
    }

    @Test
    void reproducesAPlaneAndInterpolatesBetweenNeighbours() {
        int n = 7;
        float[] plane = new float[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                plane[r * n + c] = 2 * r + 3 * c;
            }
        }
        float[] out = Upsample.bilinearAlignCorners(plane, n, n);
        for (int r = 0; r < Grid.SIZE; r++) {
            for (int c = 0; c < Grid.SIZE; c++) {
                double y = r * 6.0 / 223;
                double x = c * 6.0 / 223;
                assertEquals(2 * y + 3 * x, out[r * Grid.SIZE + c], 1e-4, "bilinear reproduces a plane at " + r + "," + c);
            }
        }
    }

    @Test
    void aFullSizeMapIsUnchangedAndCornersAreKept() {
        float[] src = input(224);
        float[] out = Upsample.bilinearAlignCorners(src, 224, 224);
        assertEquals(java.util.Arrays.toString(src), java.util.Arrays.toString(out));
        float[] small = {1, 2, 3, 4};
        float[] up = Upsample.bilinearAlignCorners(small, 2, 2);
        assertEquals(1f, up[0]);
        assertEquals(2f, up[223]);
        assertEquals(3f, up[223 * 224]);
        assertEquals(4f, up[Grid.PIXELS - 1]);
    }

    @Test
    void wrongSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Upsample.bilinearAlignCorners(new float[5], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Upsample.bilinearAlignCorners(new float[0], 0, 0));
    }
}
