package org.is3.annotator.mask;

import org.is3.core.InputException;
import org.is3.core.rle.CocoRle;

/**
 * A validated, non-empty object mask with what the server derives from it: the tight box (COCO
 * {@code [x, y, w, h]}, pycocotools' toBbox) and the area.
 */
public record ObjectMask(CocoRle rle, int boxX, int boxY, int boxW, int boxH, long area) {

    /**
     * Parses a client's {@code {"size": [h, w], "counts": "…"}} for an image of {@code width × height};
     * {@code what} names the field in any refusal.
     */
    public static ObjectMask parse(int height, int width, int[] size, String counts, String what, long maxChars) {
        if (size == null || size.length != 2) {
            throw new InputException(what + ": size must be [height, width]");
        }
        if (size[0] != height || size[1] != width) {
            throw new InputException(what + ": size [" + size[0] + ", " + size[1] + "] does not match the image ["
                    + height + ", " + width + "]");
        }
        if (counts == null) {
            throw new InputException(what + ": counts are missing");
        }
        if (counts.length() > maxChars) {
            throw new InputException(what + ": counts of " + counts.length() + " characters exceed the " + maxChars
                    + " a " + height + "×" + width + " mask can need");
        }
        return of(CocoRle.parse(height, width, counts, what), what);
    }

    /** From a row-major mask. */
    public static ObjectMask of(boolean[] mask, int height, int width, String what) {
        return of(CocoRle.encode(mask, height, width), what);
    }

    private static ObjectMask of(CocoRle rle, String what) {
        long area = rle.area();
        if (area == 0) {
            throw new InputException(what + ": the mask is empty (an object needs at least one pixel)");
        }
        double[] b = rle.bbox();
        return new ObjectMask(rle, (int) b[0], (int) b[1], (int) b[2], (int) b[3], area);
    }

    /** The longest counts string a valid mask of this size can have: 7 characters per run, one run per pixel + 1. */
    public static long maxCountsChars(int height, int width) {
        return 7L * ((long) height * width + 1);
    }
}
