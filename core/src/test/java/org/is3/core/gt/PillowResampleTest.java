package org.is3.core.gt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Small cases whose expected bytes are Pillow 12.3's {@code np.array(Image.fromarray(a).resize(size))}. */
class PillowResampleTest {
    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static byte[] bicubic(byte[] in, int w, int h, int outW, int outH) {
        return PillowResample.resize(in, w, h, outW, outH, PillowResample.Filter.BICUBIC);
    }

    @Test
    void downscaleByTwoByHand() {
        // scale 2 → support 4; output 0 is centred at 1.0 and takes inputs 0..3 with bicubic weights at
        // −0.25, 0.25, 0.75, 1.25 (half-distances): .8671875, .8671875, .2265625, −.0703125, sum 1.890625;
        // 255·(.8671875 − .0703125)/1.890625 = 107.48 → 107
        assertArrayEquals(bytes(107, 148), bicubic(bytes(0, 255, 0, 255), 4, 1, 2, 1));
    }

    @Test
    void upscalingOvershootsAndClips() {
        assertArrayEquals(bytes(0, 54, 216, 215, 40, 39, 201, 255), bicubic(bytes(0, 255, 0, 255), 4, 1, 8, 1));
        assertArrayEquals(bytes(0, 180, 180, 0), bicubic(bytes(0, 0, 255, 255, 0, 0), 6, 1, 4, 1));
    }

    @Test
    void twoPassesRoundThroughEightBits() {
        assertArrayEquals(bytes(0, 103, 209, 8, 123, 234, 17, 142, 255),
                bicubic(bytes(10, 200, 30, 250), 2, 2, 3, 3));
    }

    @Test
    void nearestSamplesPixelCentres() {
        byte[] row = bytes(0, 100, 200, 255);
        assertArrayEquals(bytes(0, 0, 100, 100, 200, 255, 255),
                PillowResample.resize(row, 4, 1, 7, 1, PillowResample.Filter.NEAREST));
        assertArrayEquals(bytes(0, 200, 255, 0, 200, 255),
                PillowResample.resize(row, 4, 1, 3, 2, PillowResample.Filter.NEAREST));
    }

    @Test
    void veryTallImagesResizeHeightFirst() {
        byte[] tall = new byte[300];
        for (int i = 0; i < tall.length; i++) {
            tall[i] = (byte) i;
        }
        assertArrayEquals(bytes(50, 50, 150, 150, 250, 250),
                PillowResample.resize(tall, 1, 300, 2, 3, PillowResample.Filter.NEAREST));
    }

    @Test
    void sameSizeIsACopy() {
        byte[] in = bytes(1, 2, 3, 4, 5, 6);
        assertArrayEquals(in, bicubic(in, 3, 2, 3, 2));
    }
}
