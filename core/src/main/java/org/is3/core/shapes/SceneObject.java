package org.is3.core.shapes;

/**
 * One object of a scene: its category, the exact mask of its visible pixels (row-major, image
 * resolution), its tight box and pixel counts.
 *
 * @param visibleArea pixels in the mask
 * @param fullArea    pixels the glyph would cover without the other glyph in front of it
 */
public record SceneObject(ShapeCategory category, boolean[] mask, int width, int height, MaskBox box,
                          int visibleArea, int fullArea) {

    public SceneObject {
        mask = mask.clone();
    }

    /** A copy of the mask, so the object stays immutable. */
    @Override
    public boolean[] mask() {
        return mask.clone();
    }

    /** Whether the pixel (x, y) shows this object. */
    public boolean covers(int x, int y) {
        return mask[y * width + x];
    }
}
