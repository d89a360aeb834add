package org.is3.core.gt;

import java.util.Arrays;
import java.util.List;
import org.is3.core.grid.Grid;

/**
 * A ground-truth map on the 224×224 grid whose values are 0, 0.5 or 1 (metrics.md §1): binary for
 * boxes and masks, halves for the Flickr-SoundNet consensus map. Stored as half-units so that every
 * sum the reference computes in binary64 is an exact integer here.
 *
 * <p>Immutable: the arrays are private copies and never handed out.
 */
public final class GtMap {
    private final byte[] halves;
    private final int[] nonZero;
    private final int sumHalves;

    private GtMap(byte[] halves) {
        this.halves = halves;
        int count = 0;
        int sum = 0;
        for (byte h : halves) {
            if (h != 0) {
                count++;
                sum += h;
            }
        }
        int[] idx = new int[count];
        for (int i = 0, j = 0; i < halves.length; i++) {
            if (halves[i] != 0) {
                idx[j++] = i;
            }
        }
        this.nonZero = idx;
        this.sumHalves = sum;
    }

    /** The all-zero map of a negative sample. */
    public static GtMap empty() {
        return new GtMap(new byte[Grid.PIXELS]);
    }

    /** Binary union of boxes (VGG-SS, IS3): a pixel is 1 if any box covers it. */
    public static GtMap union(List<PixelBox> boxes) {
        byte[] h = new byte[Grid.PIXELS];
        for (PixelBox b : boxes) {
            fill(h, b, (byte) 2, false);
        }
        return new GtMap(h);
    }

    /**
     * Flickr-SoundNet consensus map: count the boxes covering each pixel, divide by 2, cap at 1
     * (metrics.md §1). One box gives 0.5, two or more give 1.
     */
    public static GtMap consensus(List<PixelBox> boxes) {
        byte[] h = new byte[Grid.PIXELS];
        for (PixelBox b : boxes) {
            fill(h, b, (byte) 1, true);
        }
        return new GtMap(h);
    }

    /** A binary map from a 224×224 row-major mask (non-zero = inside). */
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

    private static void fill(byte[] h, PixelBox b, byte step, boolean accumulate) {
        int c0 = b.colStart();
        int c1 = b.colEnd();
        for (int r = b.rowStart(); r < b.rowEnd(); r++) {
            int row = r * Grid.SIZE;
            for (int c = c0; c < c1; c++) {
                int i = row + c;
                h[i] = accumulate ? (byte) Math.min(2, h[i] + step) : step;
            }
        }
    }

    /** The map value at a row-major pixel index: 0, 0.5 or 1. */
    public double value(int index) {
        return halves[index] * 0.5;
    }

    /** The value in half-units (0, 1 or 2). */
    public int halves(int index) {
        return halves[index];
    }

    /** ΣG, exact. */
    public double sum() {
        return sumHalves * 0.5;
    }

    /** ΣG in half-units. */
    public int sumHalves() {
        return sumHalves;
    }

    /** Number of pixels with G ≠ 0 (the adaptive-threshold k of metrics.md §3 before its k = 0 rule). */
    public int nonZeroCount() {
        return nonZero.length;
    }

    public boolean isEmpty() {
        return nonZero.length == 0;
    }

    /** Row-major indices of the non-zero pixels, ascending. A copy. */
    public int[] nonZeroIndices() {
        return nonZero.clone();
    }

    /** Visits the non-zero pixels without copying: index and value in half-units. */
    public void forEachNonZero(PixelVisitor visitor) {
        for (int i : nonZero) {
            visitor.visit(i, halves[i]);
        }
    }

    /** The map as float64 values, row-major (for reference-style computations and tests). */
    public double[] toDoubles() {
        double[] d = new double[Grid.PIXELS];
        for (int i : nonZero) {
            d[i] = halves[i] * 0.5;
        }
        return d;
    }

    @FunctionalInterface
    public interface PixelVisitor {
        void visit(int index, int halves);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GtMap g && Arrays.equals(halves, g.halves);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(halves);
    }

    @Override
    public String toString() {
        return "GtMap[nonZero=" + nonZero.length + ", sum=" + sum() + "]";
    }
}
