package org.is3.core.formats;

/**
 * How {@link Npy#write} lays an array out on disk: element dtype, memory order and NPY format
 * version. The default is what {@code np.save} writes for a float32 array on a little-endian
 * machine; the others exist so tests and benchmarks can produce every variant the reader accepts.
 *
 * @param majorVersion NPY format version 1, 2 or 3 (x.0)
 */
public record NpyLayout(NpyDtype dtype, boolean fortranOrder, int majorVersion) {
    public static final NpyLayout DEFAULT = new NpyLayout(NpyDtype.LITTLE_FLOAT32, false, 1);

    public NpyLayout {
        if (dtype == null) {
            throw new IllegalArgumentException("dtype is required");
        }
        if (majorVersion < 1 || majorVersion > 3) {
            throw new IllegalArgumentException("NPY format version must be 1, 2 or 3, got " + majorVersion);
        }
    }
}
