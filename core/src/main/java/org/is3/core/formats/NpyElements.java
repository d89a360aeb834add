package org.is3.core.formats;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.ShortBuffer;

/**
 * Bulk conversion between NPY element bytes and float32, with numpy's {@code astype(np.float32)}
 * results: float64 narrows with a Java {@code (float)} cast (round to nearest even, as C does), float16
 * widens exactly. Each call converts a whole run through a typed buffer view, so the per-element
 * cost is a copy, not a virtual call.
 */
final class NpyElements {
    private static final int CHUNK = 8192;

    private NpyElements() {
    }

    /** Converts {@code count} contiguous elements starting at absolute byte {@code index} of src. */
    static void decode(NpyDtype dtype, ByteBuffer src, int index, float[] dst, int dstOffset, int count) {
        ByteBuffer view = src.duplicate().position(index).order(dtype.order());
        switch (dtype.precision()) {
            case FLOAT32 -> view.asFloatBuffer().get(dst, dstOffset, count);
            case FLOAT64 -> narrow(view.asDoubleBuffer(), dst, dstOffset, count);
            case FLOAT16 -> widen(view.asShortBuffer(), dst, dstOffset, count);
            default -> throw new IllegalStateException(dtype.toString());
        }
    }

    private static void narrow(DoubleBuffer in, float[] dst, int offset, int count) {
        double[] chunk = new double[Math.min(CHUNK, count)];
        for (int done = 0; done < count; ) {
            int n = Math.min(chunk.length, count - done);
            in.get(chunk, 0, n);
            for (int i = 0; i < n; i++) {
                dst[offset + done + i] = (float) chunk[i];
            }
            done += n;
        }
    }

    private static void widen(ShortBuffer in, float[] dst, int offset, int count) {
        short[] chunk = new short[Math.min(CHUNK, count)];
        for (int done = 0; done < count; ) {
            int n = Math.min(chunk.length, count - done);
            in.get(chunk, 0, n);
            for (int i = 0; i < n; i++) {
                dst[offset + done + i] = Float16.toFloat(chunk[i]);
            }
            done += n;
        }
    }

    /**
     * Converts {@code count} elements that lie {@code strideBytes} apart, starting at absolute byte
     * {@code index} (one sample of a Fortran-ordered stack).
     */
    static void decodeStrided(NpyDtype dtype, ByteBuffer src, long index, long strideBytes, float[] dst, int count) {
        ByteBuffer b = src.duplicate().order(dtype.order());
        for (int i = 0; i < count; i++) {
            int at = Math.toIntExact(index + i * strideBytes);
            dst[i] = switch (dtype.precision()) {
                case FLOAT32 -> b.getFloat(at);
                case FLOAT64 -> (float) b.getDouble(at);
                case FLOAT16 -> Float16.toFloat(b.getShort(at));
            };
        }
    }

    /** Writes {@code count} floats from src as elements of dtype at dst's position, advancing it. */
    static void encode(NpyDtype dtype, float[] src, int offset, int count, ByteBuffer dst) {
        ByteBuffer out = dst.order(dtype.order());
        for (int i = offset; i < offset + count; i++) {
            switch (dtype.precision()) {
                case FLOAT32 -> out.putFloat(src[i]);
                case FLOAT64 -> out.putDouble(src[i]);
                case FLOAT16 -> out.putShort(Float16.fromFloat(src[i]));
                default -> throw new IllegalStateException(dtype.toString());
            }
        }
    }
}
