package org.is3.core.gt;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.is3.core.grid.Grid;

/**
 * A ground-truth map on the 224×224 grid whose values are 0, 0.5 or 1 (metrics.md §1): binary for
 * boxes and masks, halves for the Flickr-SoundNet consensus map. Values are kept in half-units so
 * that every sum the reference computes in binary64 is an exact integer here.
 *
 * <p>Stored as runs of equal non-zero value along the row-major order, so a dataset of thousands
 * of maps costs a few kilobytes each and scoring visits only the covered pixels. Immutable.
 */
public final class GtMap {
    /** Run i covers row-major indices {@code [starts[i], ends[i])} with value {@code halves[i]}/2. */
    private final int[] starts;
    private final int[] ends;
    private final byte[] halves;
    private final int nonZeroCount;
    private final int sumHalves;

    private GtMap(Runs runs) {
        this.starts = Arrays.copyOf(runs.starts, runs.size);
        this.ends = Arrays.copyOf(runs.ends, runs.size);
        this.halves = Arrays.copyOf(runs.halves, runs.size);
        int count = 0;
        int sum = 0;
        for (int r = 0; r < runs.size; r++) {
            count += ends[r] - starts[r];
            sum += (ends[r] - starts[r]) * halves[r];
        }
        this.nonZeroCount = count;
        this.sumHalves = sum;
    }

    private GtMap(byte[] dense) {
        this(Runs.of(dense));
    }

    /** The all-zero map of a negative sample. */
    public static GtMap empty() {
        return new GtMap(new byte[Grid.PIXELS]);
    }

    /**
     * Binary union of boxes (VGG-SS, IS3): a pixel is 1 if any box covers it. Built row by row
     * from the boxes' column intervals, without a dense map: readers build thousands of these.
     */
    public static GtMap union(List<PixelBox> boxes) {
        List<PixelBox> byColumn = boxes.stream().filter(b -> b.area() > 0)
                .sorted(Comparator.comparingInt(PixelBox::colStart)).toList();
        Runs runs = new Runs();
        for (int r = 0; r < Grid.SIZE; r++) {
            int row = r * Grid.SIZE;
            int start = -1;
            int end = -1;
            for (PixelBox b : byColumn) {
                if (r < b.rowStart() || r >= b.rowEnd()) {
                    continue;
                }
                if (start >= 0 && b.colStart() <= end) {
                    end = Math.max(end, b.colEnd());
                } else {
                    if (start >= 0) {
                        runs.append(row + start, row + end, (byte) 2);
                    }
                    start = b.colStart();
                    end = b.colEnd();
                }
            }
            if (start >= 0) {
                runs.append(row + start, row + end, (byte) 2);
            }
        }
        return new GtMap(runs);
    }

    /**
     * Flickr-SoundNet consensus map: count the boxes covering each pixel, divide by 2, cap at 1
     * (metrics.md §1). One box gives 0.5, two or more give 1.
     */
    public static GtMap consensus(List<PixelBox> boxes) {
        byte[] h = new byte[Grid.PIXELS];
        for (PixelBox b : boxes) {
            fill(h, b);
        }
        return new GtMap(h);
    }

    /** A binary map from a 224×224 row-major mask. */
    public static GtMap fromMask(boolean[] mask) {
        if (mask.length != Grid.PIXELS) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, expected " + Grid.PIXELS);
        }
        byte[] h = new byte[Grid.PIXELS];
        for (int i = 0; i < mask.length; i++) {
            h[i] = mask[i] ? (byte) 2 : 0;
        }
        return new GtMap(h);
    }

    /** A map from 224×224 row-major values in half-units (each 0, 1 or 2). */
    public static GtMap fromHalves(byte[] halves) {
        if (halves.length != Grid.PIXELS) {
            throw new IllegalArgumentException("map has " + halves.length + " pixels, expected " + Grid.PIXELS);
        }
        for (byte v : halves) {
            if (v < 0 || v > 2) {
                throw new IllegalArgumentException("half-unit value " + v + " outside 0..2");
            }
        }
        return new GtMap(halves.clone());
    }

    private static void fill(byte[] h, PixelBox b) {
        int c0 = b.colStart();
        int c1 = b.colEnd();
        for (int r = b.rowStart(); r < b.rowEnd(); r++) {
            int row = r * Grid.SIZE;
            for (int c = c0; c < c1; c++) {
                int i = row + c;
                h[i] = (byte) Math.min(2, h[i] + 1);
            }
        }
    }

    /** The map value at a row-major pixel index: 0, 0.5 or 1. */
    public double value(int index) {
        return halves(index) * 0.5;
    }

    /** The value at a row-major pixel index in half-units (0, 1 or 2). */
    public int halves(int index) {
        int r = Arrays.binarySearch(starts, index);
        if (r < 0) {
            r = -r - 2;
        }
        return r >= 0 && index < ends[r] ? halves[r] : 0;
    }

    /** ΣG, exact. */
    public double sum() {
        return sumHalves * 0.5;
    }

    /** ΣG in half-units. */
    public int sumHalves() {
        return sumHalves;
    }

    /** Number of pixels with G ≠ 0 (the adaptive k of metrics.md §3 before its k = 0 rule). */
    public int nonZeroCount() {
        return nonZeroCount;
    }

    public boolean isEmpty() {
        return nonZeroCount == 0;
    }

    /** Visits the runs of equal non-zero value: row-major {@code [start, end)} and the value in half-units. */
    public void forEachRun(RunVisitor visitor) {
        for (int r = 0; r < starts.length; r++) {
            visitor.visit(starts[r], ends[r], halves[r]);
        }
    }

    /** Visits every non-zero pixel: row-major index and value in half-units. */
    public void forEachNonZero(PixelVisitor visitor) {
        for (int r = 0; r < starts.length; r++) {
            for (int i = starts[r]; i < ends[r]; i++) {
                visitor.visit(i, halves[r]);
            }
        }
    }

    /** Row-major indices of the non-zero pixels, ascending. */
    public int[] nonZeroIndices() {
        int[] idx = new int[nonZeroCount];
        int j = 0;
        for (int r = 0; r < starts.length; r++) {
            for (int i = starts[r]; i < ends[r]; i++) {
                idx[j++] = i;
            }
        }
        return idx;
    }

    /** Number of runs (for sizing and tests). */
    public int runCount() {
        return starts.length;
    }

    /** The map as dense half-units, row-major. */
    public byte[] toHalves() {
        byte[] d = new byte[Grid.PIXELS];
        for (int r = 0; r < starts.length; r++) {
            Arrays.fill(d, starts[r], ends[r], halves[r]);
        }
        return d;
    }

    /** The map as float64 values, row-major, as the reference holds it. */
    public double[] valuesAsDoubles() {
        double[] d = new double[Grid.PIXELS];
        for (int r = 0; r < starts.length; r++) {
            Arrays.fill(d, starts[r], ends[r], halves[r] * 0.5);
        }
        return d;
    }

    /** Growable run lists; adjacent runs of equal value merge, so a full map is one run. */
    private static final class Runs {
        int[] starts = new int[16];
        int[] ends = new int[16];
        byte[] halves = new byte[16];
        int size;

        static Runs of(byte[] dense) {
            Runs runs = new Runs();
            for (int i = 0; i < dense.length; ) {
                byte v = dense[i];
                int j = i + 1;
                while (j < dense.length && dense[j] == v) {
                    j++;
                }
                if (v != 0) {
                    runs.append(i, j, v);
                }
                i = j;
            }
            return runs;
        }

        void append(int start, int end, byte value) {
            if (size > 0 && ends[size - 1] == start && halves[size - 1] == value) {
                ends[size - 1] = end;
                return;
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                halves = Arrays.copyOf(halves, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            halves[size++] = value;
        }
    }

    @FunctionalInterface
    public interface PixelVisitor {
        void visit(int index, int halves);
    }

    @FunctionalInterface
    public interface RunVisitor {
        void visit(int start, int end, int halves);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GtMap g && Arrays.equals(starts, g.starts) && Arrays.equals(ends, g.ends)
                && Arrays.equals(halves, g.halves);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + Arrays.hashCode(halves);
    }

    @Override
    public String toString() {
        return "GtMap[nonZero=" + nonZeroCount + ", sum=" + sum() + ", runs=" + starts.length + "]";
    }
}
