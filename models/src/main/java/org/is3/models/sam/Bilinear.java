package org.is3.models.sam;

/**
 * Bilinear resampling of a row-major float plane with PyTorch's {@code interpolate(mode="bilinear",
 * align_corners=False)} convention: source coordinate {@code (d + 0.5)·in/out − 0.5}, clamped at 0,
 * edge pixels repeated. SAM upsamples its mask logits this way.
 */
final class Bilinear {

    private Bilinear() {
    }

    static float[] resize(float[] src, int sw, int sh, int dw, int dh) {
        int[] x0 = new int[dw];
        int[] x1 = new int[dw];
        float[] fx = new float[dw];
        axis(sw, dw, x0, x1, fx);
        int[] y0 = new int[dh];
        int[] y1 = new int[dh];
        float[] fy = new float[dh];
        axis(sh, dh, y0, y1, fy);
        float[] out = new float[dw * dh];
        for (int y = 0; y < dh; y++) {
            int r0 = y0[y] * sw;
            int r1 = y1[y] * sw;
            float wy = fy[y];
            for (int x = 0; x < dw; x++) {
                float top = src[r0 + x0[x]] + fx[x] * (src[r0 + x1[x]] - src[r0 + x0[x]]);
                float bottom = src[r1 + x0[x]] + fx[x] * (src[r1 + x1[x]] - src[r1 + x0[x]]);
                out[y * dw + x] = top + wy * (bottom - top);
            }
        }
        return out;
    }

    private static void axis(int in, int out, int[] i0, int[] i1, float[] frac) {
        double scale = (double) in / out;
        for (int d = 0; d < out; d++) {
            double s = Math.max(0.0, (d + 0.5) * scale - 0.5);
            int lo = Math.min((int) s, in - 1);
            i0[d] = lo;
            i1[d] = Math.min(lo + 1, in - 1);
            frac[d] = (float) (s - lo);
        }
    }

    /** The top-left {@code w×h} block of a row-major plane {@code stride} wide. */
    static float[] crop(float[] src, int stride, int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(src, y * stride, out, y * w, w);
        }
        return out;
    }
}
