package org.is3.core.formats;

import java.util.Arrays;

/**
 * An n-dimensional float32 array in C (row-major) order, as read from or written to an NPY file.
 *
 * <p>The shape is copied in and out. The data array is not: a scorer reads thousands of 50,176-float
 * maps and copying each would double the cost, so the array passed in is owned by the record from
 * then on and {@link #data()} hands out that same array, which callers must treat as read-only.
 */
public record NpyArray(int[] shape, float[] data) {
    public NpyArray {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
            if (n > NpyHeader.MAX_ELEMENTS) {
                n = NpyHeader.MAX_ELEMENTS + 1;
            }
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " elements, data has " + data.length);
        }
    }

    /** A 1-d, 2-d, … array: {@code NpyArray.of(data, 224, 224)}; no dimensions gives a 0-d array. */
    public static NpyArray of(float[] data, int... shape) {
        return new NpyArray(shape, data);
    }

    /** A copy of the shape; {@code []} for a 0-d array. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The elements in C order: the record's own array, not a copy (see the class comment). */
    @Override
    public float[] data() {
        return data;
    }

    public int ndim() {
        return shape.length;
    }

    public int size() {
        return data.length;
    }

    /** The length of one axis. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** The shape as numpy prints it: {@code (224, 224)}, {@code (5,)}, {@code ()}. */
    public String shapeString() {
        return Npy.shapeString(shape);
    }

    /** Equal shapes and bit-identical elements (NaNs with equal bits are equal). */
    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && Arrays.equals(a.shape, shape) && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray[shape=" + shapeString() + "]";
    }
}
