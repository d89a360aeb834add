package org.is3.models.sam;

/**
 * One annotator click in original image pixels ({@code x} right, {@code y} down): positive (label 1,
 * "this is the object") or negative (label 0, "this is not").
 */
public record Click(double x, double y, boolean positive) {

    public Click {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new org.is3.core.InputException("click coordinates must be finite, got (" + x + ", " + y + ")");
        }
    }
}
