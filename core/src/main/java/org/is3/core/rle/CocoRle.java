package org.is3.core.rle;

import java.util.Arrays;
import org.is3.core.InputException;

/**
 * A binary mask in COCO's compressed run-length form, as the {@code segmentation} of an annotation
 * in {@code annotations.json} (datasets.md, IS3+ release): {@code {"size": [height, width],
 * "counts": "<string>"}}. Runs go down the columns (Fortran order), alternate 0s and 1s and start
 * with a run of 0s (possibly empty); the string is pycocotools' ({@link RleCounts}). Strings made
 * here equal {@code pycocotools.mask.encode} byte for byte; any valid string is accepted.
 */
public record CocoRle(int height, int width, String counts) {
    private static final String SOURCE = "COCO RLE";

    /** Validates like {@link #parse(int, int, String)}. */
    public CocoRle {
        checkSize(height, width, SOURCE);
        if (counts == null) {
            throw new InputException(SOURCE + ": counts are missing");
        }
        RleCounts.decode(counts, (long) height * width, SOURCE);
    }

    /** Parses a counts string for a height×width mask, naming {@code source} in any refusal. */
    public static CocoRle parse(int height, int width, String counts, String source) {
        checkSize(height, width, source);
        RleCounts.decode(counts, (long) height * width, source);
        return new CocoRle(height, width, counts);
    }

    public static CocoRle parse(int height, int width, String counts) {
        return parse(height, width, counts, SOURCE);
    }

    /** Encodes a row-major mask ({@code mask[y * width + x]}) as pycocotools' {@code encode} does. */
    public static CocoRle encode(boolean[] rowMajorMask, int height, int width) {
        checkSize(height, width, SOURCE);
        if (rowMajorMask.length != height * width) {
            throw new IllegalArgumentException("mask has " + rowMajorMask.length + " pixels, expected "
                    + height + "×" + width);
        }
        int[] runs = new int[height * width + 1];
        int k = 0;
        int run = 0;
        boolean previous = false;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                boolean v = rowMajorMask[y * width + x];
                if (v != previous) {
                    runs[k++] = run;
                    run = 0;
                    previous = v;
                }
                run++;
            }
        }
        runs[k++] = run;
        return new CocoRle(height, width, RleCounts.encode(Arrays.copyOf(runs, k)));
    }

    /** The uncompressed form: COCO's {@code "counts": [..]} list of run lengths. */
    public static CocoRle fromRunLengths(int height, int width, int[] runs) {
        checkSize(height, width, SOURCE);
        long total = 0;
        for (int i = 0; i < runs.length; i++) {
            if (runs[i] < 0) {
                throw RleCounts.invalid(SOURCE, "run " + (i + 1) + " is negative (" + runs[i] + ")");
            }
            total += runs[i];
        }
        if (total != (long) height * width) {
            throw RleCounts.invalid(SOURCE, "the runs cover " + total + " of the " + (long) height * width
                    + " pixels of the mask");
        }
        return new CocoRle(height, width, RleCounts.encode(runs));
    }

    /** The run lengths, zeros first, in column-major order. */
    public int[] runLengths() {
        return RleCounts.decode(counts, (long) height * width, SOURCE);
    }

    /** The mask in row-major order ({@code mask[y * width + x]}). */
    public boolean[] decode() {
        boolean[] mask = new boolean[height * width];
        int[] runs = runLengths();
        int index = 0;
        for (int j = 0; j < runs.length; j++) {
            if (j % 2 == 1) {
                for (int i = index; i < index + runs[j]; i++) {
                    mask[(i % height) * width + i / height] = true;
                }
            }
            index += runs[j];
        }
        return mask;
    }

    /** The number of 1 pixels ({@code pycocotools.mask.area}). */
    public long area() {
        int[] runs = runLengths();
        long a = 0;
        for (int j = 1; j < runs.length; j += 2) {
            a += runs[j];
        }
        return a;
    }

    /**
     * The bounding box {@code [x, y, width, height]} of the 1 pixels, as {@code pycocotools.mask.toBbox}
     * (2.0.8 and later) computes it; {@code [0, 0, 0, 0]} when there is no 1 pixel. (Where such a
     * mask's string holds empty runs of 1s, pycocotools instead returns unsigned-overflow values.)
     */
    public double[] bbox() {
        int[] runs = runLengths();
        long xs = width;
        long ys = height;
        long xe = 0;
        long ye = 0;
        boolean any = false;
        long cc = 0;
        for (int j = 0; j < runs.length; j++) {
            long start = cc;
            cc += runs[j];
            if (j % 2 == 0 || runs[j] == 0) {
                continue;
            }
            any = true;
            long xStart = start / height;
            long xEnd = (cc - 1) / height;
            xs = Math.min(xs, xStart);
            xe = Math.max(xe, xEnd);
            if (xStart < xEnd) {
                // A run that wraps into the next column covers the bottom of one and the top of the next.
                ys = 0;
                ye = height - 1;
            } else {
                ys = Math.min(ys, start % height);
                ye = Math.max(ye, (cc - 1) % height);
            }
        }
        if (!any) {
            return new double[4];
        }
        return new double[] {xs, ys, xe - xs + 1, ye - ys + 1};
    }

    private static void checkSize(int height, int width, String source) {
        if (height < 0 || width < 0 || (long) height * width > Integer.MAX_VALUE - 8) {
            throw new InputException(source + ": invalid COCO RLE size [" + height + ", " + width
                    + "] (expected non-negative dimensions with at most 2^31 pixels)");
        }
    }
}
