package org.is3.models.sam;

/**
 * A decoded mask at the original image size (row-major, {@code mask[y·width + x]}), the decoder's
 * predicted IoU for it, and its low-resolution logits ({@code lowResSize²}, row-major) to pass back
 * with the next click of the same object.
 */
public record SamResult(boolean[] mask, int width, int height, float score, float[] lowResLogits, int lowResSize) {

    public SamResult {
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, expected " + width + "×" + height);
        }
        if (lowResLogits.length != lowResSize * lowResSize) {
            throw new IllegalArgumentException("low-res logits have " + lowResLogits.length + " values, expected "
                    + lowResSize + "²");
        }
        mask = mask.clone();
        lowResLogits = lowResLogits.clone();
    }

    @Override
    public boolean[] mask() {
        return mask.clone();
    }

    @Override
    public float[] lowResLogits() {
        return lowResLogits.clone();
    }

    /** Pixels inside the mask. */
    public long area() {
        long n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
