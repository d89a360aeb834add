package org.is3.pipeline.generate;

/** The exact mask of one object, row-major at image resolution, named by its category token. */
public record ObjectMask(String category, boolean[] mask, int width, int height) {

    public ObjectMask {
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask of " + category + " has " + mask.length
                    + " pixels, expected " + width + "×" + height);
        }
        mask = mask.clone();
    }

    @Override
    public boolean[] mask() {
        return mask.clone();
    }
}
