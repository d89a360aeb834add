package org.is3.core.metrics;

import java.util.Arrays;

/** A growable list of doubles in insertion order: the per-sample lists the reference scripts append to. */
final class DoubleSeries {
    private double[] values = new double[64];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    /** A copy trimmed to the size, in insertion order. */
    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
