package org.is3.core.grid;

/**
 * The server-side rule for low-resolution maps (e.g. 7×7, 14×14): bilinear interpolation to
 * 224×224 with {@code align_corners=True} in float32 — the rule of
 * {@code F.interpolate(x, size=(224, 224), mode='bilinear', align_corners=True)}, which
 * SSLalignment's {@code validate()} and EZ-VSL apply to their models' maps.
 *
 * <p>Per output coordinate: {@code src = fl(fl((in − 1)/(out − 1)) · i)}, index {@code ⌊src⌋}
 * (clamped to in − 1), weight {@code λ = src − index}; each value is
 * {@code (v00·(1−λx) + v01·λx)·(1−λy) + (v10·(1−λx) + v11·λx)·λy} in float32. PyTorch's kernels
 * round differently in the last bits (they are not bit-reproducible outside torch, metrics.md §0),
 * so maps upsampled here are not bit-identical to maps a model upsampled itself; the leaderboard
 * marks such entries. Submit 224×224 maps for exact scores.
 */
public final class Upsample {
    private Upsample() {
    }

    /** A row-major {@code rows×cols} map bilinearly resized to 224×224 (align_corners=True). */
    public static float[] bilinearAlignCorners(float[] src, int rows, int cols) {
        if (rows < 1 || cols < 1 || src.length != rows * cols) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " map needs " + rows * cols
                    + " values, got " + src.length);
        }
        Axis y = new Axis(rows);
        Axis x = new Axis(cols);
        float[] out = new float[Grid.PIXELS];
        for (int r = 0; r < Grid.SIZE; r++) {
            int row0 = y.index0[r] * cols;
            int row1 = y.index1[r] * cols;
            for (int c = 0; c < Grid.SIZE; c++) {
                int c0 = x.index0[c];
                int c1 = x.index1[c];
                float top = src[row0 + c0] * x.weight0[c] + src[row0 + c1] * x.weight1[c];
                float bottom = src[row1 + c0] * x.weight0[c] + src[row1 + c1] * x.weight1[c];
                out[r * Grid.SIZE + c] = top * y.weight0[r] + bottom * y.weight1[r];
            }
        }
        return out;
    }

    /** Source indices and weights along one axis. */
    private static final class Axis {
        final int[] index0 = new int[Grid.SIZE];
        final int[] index1 = new int[Grid.SIZE];
        final float[] weight0 = new float[Grid.SIZE];
        final float[] weight1 = new float[Grid.SIZE];

        Axis(int in) {
            float scale = (float) (in - 1) / (Grid.SIZE - 1);
            for (int i = 0; i < Grid.SIZE; i++) {
                float real = scale * i;
                int i0 = Math.min((int) Math.floor(real), in - 1);
                float lambda = Math.min(Math.max(real - i0, 0f), 1f);
                index0[i] = i0;
                index1[i] = i0 + (i0 < in - 1 ? 1 : 0);
                weight0[i] = 1f - lambda;
                weight1[i] = lambda;
            }
        }
    }
}
