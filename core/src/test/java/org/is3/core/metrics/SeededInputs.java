package org.is3.core.metrics;

import java.util.ArrayList;
import java.util.List;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;

/**
 * Test inputs built from integer arithmetic only, so that the Python scripts that produced the golden
 * values (numpy 1.26 re-creations of the reference code) build bit-identical arrays: heatmap values are
 * k/2048, logits (k − 1024)/128, boxes integer.
 */
final class SeededInputs {
    private SeededInputs() {
    }

    /** A 64-bit LCG step, top 31 bits (Python: {@code ((x*A + C) & (2**64-1)) >> 33}). */
    static long mix(long x) {
        return (x * 0x5851F42D4C957F2DL + 0x14057B7EF767814FL) >>> 33;
    }

    /** {row0, col0, height, width} of the seeded bright rectangle. */
    static int[] blob(long seed) {
        return new int[] {(int) (mix(seed * 7 + 1) % 180), (int) (mix(seed * 7 + 2) % 180),
                (int) (10 + mix(seed * 7 + 3) % 100), (int) (10 + mix(seed * 7 + 4) % 100)};
    }

    /** Values k/2048 with k = noise in 0..1023, plus {@code blobLevel} inside {@link #blob}. */
    static float[] heatmap(long seed, int blobLevel) {
        int[] b = blob(seed);
        float[] h = new float[Grid.PIXELS];
        for (int i = 0; i < Grid.PIXELS; i++) {
            int r = i / Grid.SIZE;
            int c = i % Grid.SIZE;
            long k = mix(seed * 100003 + i) % 1024;
            if (r >= b[0] && r < b[0] + b[2] && c >= b[1] && c < b[1] + b[3]) {
                k += blobLevel;
            }
            h[i] = (float) k / 2048f;
        }
        return h;
    }

    /** Logits (k − 1024)/128 for the k of {@link #heatmap}: values in [−8, 8). */
    static float[] logits(long seed, int blobLevel) {
        float[] h = heatmap(seed, blobLevel);
        float[] l = new float[h.length];
        for (int i = 0; i < h.length; i++) {
            int k = (int) (h[i] * 2048f);
            l[i] = (float) (k - 1024) / 128f;
        }
        return l;
    }

    /** Every 97th pixel (0, 97, 194, …) set to {@code value}. */
    static float[] plant(float[] h, float value) {
        float[] out = h.clone();
        for (int i = 0; i < out.length; i += 97) {
            out[i] = value;
        }
        return out;
    }

    /** An xyxy box around the blob of {@code heatmap(seed, ·)}, shifted by up to 24 pixels. */
    static PixelBox boxNearBlob(long seed, int salt) {
        int[] b = blob(seed);
        long s = seed * 31 + salt;
        int x0 = b[1] + (int) (mix(s + 1) % 25);
        int y0 = b[0] + (int) (mix(s + 2) % 25);
        return new PixelBox(x0, y0, b[1] + b[3] + (int) (mix(s + 3) % 25), b[0] + b[2] + (int) (mix(s + 4) % 25));
    }

    /** {@code count} boxes anywhere (ends may pass 224 and are clipped). */
    static List<PixelBox> boxes(long seed, int count) {
        List<PixelBox> out = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            long b = seed * 131 + j * 17L;
            int x0 = (int) (mix(b + 1) % 200);
            int y0 = (int) (mix(b + 2) % 200);
            out.add(new PixelBox(x0, y0, x0 + 1 + (int) (mix(b + 3) % 90), y0 + 1 + (int) (mix(b + 4) % 90)));
        }
        return out;
    }

    static GtMap union(List<PixelBox> boxes) {
        return GtMap.union(boxes);
    }

    static GtMap consensus(List<PixelBox> boxes) {
        return GtMap.consensus(boxes);
    }
}
