package org.is3.core.metrics;

import java.util.Arrays;

/**
 * The two torch float32 primitives of AVSBench's evaluation (metrics.md §6b) that have no exact
 * numpy counterpart.
 *
 * <p><b>Sigmoid.</b> {@code fl(1 / fl(1 + fl(exp(−x))))} with exp correctly rounded to float32 (computed
 * in binary64 and rounded; the double-rounding risk is about 2^−29 per value). This is torch's scalar
 * CPU formula. torch's vectorised CPU kernel uses Sleef's expf (1-ulp accuracy) and the CUDA kernel
 * CUDA's expf, so on real runs about 4 % of the probabilities differ from this one by one float32
 * ulp; the mask {p > 0.5} differs only for logits within about 2e-7 of 0, and a PR-curve point only
 * when a probability sits exactly on a threshold.
 *
 * <p><b>{@code torch.linspace(0, 1 − 1e−10, 255)}</b> in float32, as torch 1.13.1's CPU kernel computes it
 * with AVX2 dispatch (8-lane vectors, two per loop step, FMA contraction by GCC), checked value for
 * value against that build: end = fl32(1 − 1e−10) = 1, step = fl32(1/254); indices below 240 come in
 * 8-lane vectors whose first lane is {@code fma(step, b, 0)} for b &lt; 127, else
 * {@code fma(−step, 254 − b, 1)}, and lane k adds {@code k·step} with one rounding; indices 240 … 254
 * are {@code fma(−step, 254 − i, 1)}. Builds that dispatch AVX-512 (16 lanes) or do not contract give
 * a few thresholds that differ by one ulp.
 *
 * <p><b>{@code torch.sum}</b> of a contiguous float32 vector, in the order of torch 1.13.1's CPU cascade
 * sum with AVX2 dispatch (8-lane vectors, 4-way interleaved rows, 4 levels of partial sums), checked
 * against that build for lengths 1 … 9000. AVSBench ran its evaluation on CUDA, whose reduction order
 * is another one; the per-batch mean IoU of a CUDA run may differ from this one in its last float32
 * bit.
 */
final class TorchFloat32 {
    static final int PR_POINTS = 255;
    private static final int LANES = 8;
    private static final float[] PR_THRESHOLDS = linspaceToAlmostOne();

    private TorchFloat32() {
    }

    static float sigmoid(float x) {
        float e = (float) Math.exp(-(double) x);
        return 1f / (1f + e);
    }

    /** {@code torch.sum(x)} of a contiguous float32 vector on CPU (see the class comment). */
    static float sum(float[] x) {
        int n = x.length;
        if (n < LANES) {
            return rowSum(x, n, 1)[0];
        }
        int vectors = n / LANES;
        float[] lanes = rowSum(x, vectors, LANES);
        float total = 0f;
        for (int k = vectors * LANES; k < n; k++) {
            total += x[k];
        }
        for (float lane : lanes) {
            total += lane;
        }
        return total;
    }

    /**
     * torch's {@code row_sum}: {@code size} items of {@code width} consecutive floats (one vector or one
     * scalar), summed lane by lane as 4 interleaved rows plus a tail.
     */
    private static float[] rowSum(float[] x, int size, int width) {
        int ilp = 4;
        int rows = size / ilp;
        float[][] partial = multiRowSum(x, width, ilp, rows);
        for (int i = rows * ilp; i < size; i++) {
            for (int l = 0; l < width; l++) {
                partial[0][l] += x[i * width + l];
            }
        }
        for (int k = 1; k < ilp; k++) {
            addLanes(partial[0], partial[k]);
        }
        return partial[0];
    }

    /** torch's {@code multi_row_sum}: 4 levels of accumulators, each flushed into the next every 2^p rows. */
    private static float[][] multiRowSum(float[] x, int width, int nrows, int size) {
        int levels = 4;
        int power = Math.max(4, ceilLog2(size) / levels);
        int step = 1 << power;
        int mask = step - 1;
        float[][][] acc = new float[levels][nrows][width];
        int i = 0;
        while (i + step <= size) {
            for (int j = 0; j < step; j++, i++) {
                addRow(acc[0], x, i, nrows, width);
            }
            for (int j = 1; j < levels; j++) {
                for (int k = 0; k < nrows; k++) {
                    addLanes(acc[j][k], acc[j - 1][k]);
                    Arrays.fill(acc[j - 1][k], 0f);
                }
                if ((i & (mask << (j * power))) != 0) {
                    break;
                }
            }
        }
        for (; i < size; i++) {
            addRow(acc[0], x, i, nrows, width);
        }
        for (int j = 1; j < levels; j++) {
            for (int k = 0; k < nrows; k++) {
                addLanes(acc[0][k], acc[j][k]);
            }
        }
        return acc[0];
    }

    /** {@code into += from}, lane by lane (each lane is its own float32 sum). */
    private static void addLanes(float[] into, float[] from) {
        for (int l = 0; l < into.length; l++) {
            into[l] += from[l];
        }
    }

    private static void addRow(float[][] acc, float[] x, int row, int nrows, int width) {
        for (int k = 0; k < nrows; k++) {
            int item = row * nrows + k;
            for (int l = 0; l < width; l++) {
                acc[k][l] += x[item * width + l];
            }
        }
    }

    /** c10's {@code CeilLog2}: 1 for x ≤ 2. */
    private static int ceilLog2(int x) {
        return x <= 2 ? 1 : 32 - Integer.numberOfLeadingZeros(x - 1);
    }

    /** The 255 thresholds of AVSBench's {@code _eval_pr} (a copy). */
    static float[] prThresholds() {
        return PR_THRESHOLDS.clone();
    }

    private static float[] linspaceToAlmostOne() {
        float start = 0f;
        float end = (float) (1 - 1e-10);
        int steps = PR_POINTS;
        float step = (end - start) / (float) (steps - 1);
        int halfway = steps / 2;
        float[] out = new float[steps];
        int vectorised = steps - steps % (2 * LANES);
        for (int b = 0; b < vectorised; b += LANES) {
            float base = b < halfway ? Math.fma(step, (float) b, start) : Math.fma(-step, (float) (steps - b - 1), end);
            for (int k = 0; k < LANES; k++) {
                out[b + k] = Math.fma((float) k, step, base);
            }
        }
        for (int i = vectorised; i < steps; i++) {
            out[i] = i < halfway ? Math.fma(step, (float) i, start) : Math.fma(-step, (float) (steps - i - 1), end);
        }
        return out;
    }
}
