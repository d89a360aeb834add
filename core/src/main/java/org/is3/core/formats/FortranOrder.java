package org.is3.core.formats;

/**
 * Permutes elements between Fortran (first index fastest) and C (last index fastest) order. NPY
 * files written from {@code np.asfortranarray} or a transposed array carry {@code fortran_order:
 * True}; every consumer in is3 reads row-major data.
 */
final class FortranOrder {
    private FortranOrder() {
    }

    /** Returns the C-order copy of {@code fortran}, an array of the given shape in Fortran order. */
    static float[] toC(float[] fortran, int[] shape) {
        float[] c = new float[fortran.length];
        permute(fortran, c, shape, true);
        return c;
    }

    /** Returns the Fortran-order copy of {@code c}, an array of the given shape in C order. */
    static float[] toFortran(float[] c, int[] shape) {
        float[] f = new float[c.length];
        permute(c, f, shape, false);
        return f;
    }

    /**
     * Walks the C-order positions with an odometer over all axes but the last, keeping the matching
     * Fortran offset up to date; the last axis (stride = product of the others in Fortran order) is
     * the inner loop.
     */
    private static void permute(float[] src, float[] dst, int[] shape, boolean fortranToC) {
        int k = shape.length;
        if (src.length == 0) {
            return;
        }
        if (k <= 1) {
            System.arraycopy(src, 0, dst, 0, src.length);
            return;
        }
        int[] stride = new int[k];
        stride[0] = 1;
        for (int d = 1; d < k; d++) {
            stride[d] = stride[d - 1] * shape[d - 1];
        }
        int last = shape[k - 1];
        int lastStride = stride[k - 1];
        int[] index = new int[k - 1];
        int fBase = 0;
        for (int c = 0; c < src.length; c += last) {
            if (fortranToC) {
                for (int j = 0; j < last; j++) {
                    dst[c + j] = src[fBase + j * lastStride];
                }
            } else {
                for (int j = 0; j < last; j++) {
                    dst[fBase + j * lastStride] = src[c + j];
                }
            }
            for (int d = k - 2; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    fBase += stride[d];
                    break;
                }
                fBase -= stride[d] * (index[d] - 1);
                index[d] = 0;
            }
        }
    }
}
