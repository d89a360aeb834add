package org.is3.core.shapes;

/**
 * The tight box of a mask in image pixels, xyxy, end-exclusive: columns {@code xmin … xmax−1} and
 * rows {@code ymin … ymax−1} hold every mask pixel, and each of the four edges touches one.
 */
public record MaskBox(int xmin, int ymin, int xmax, int ymax) {

    public int width() {
        return xmax - xmin;
    }

    public int height() {
        return ymax - ymin;
    }

    /** The tight box of a row-major mask, or an empty box at the origin when the mask is empty. */
    static MaskBox of(boolean[] mask, int width) {
        int height = mask.length / width;
        int xmin = width;
        int ymin = height;
        int xmax = 0;
        int ymax = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (mask[row + x]) {
                    xmin = Math.min(xmin, x);
                    xmax = Math.max(xmax, x + 1);
                    ymin = Math.min(ymin, y);
                    ymax = y + 1;
                }
            }
        }
        return xmax == 0 ? new MaskBox(0, 0, 0, 0) : new MaskBox(xmin, ymin, xmax, ymax);
    }
}
