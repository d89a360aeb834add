package org.is3.models.sam;

import org.is3.core.InputException;

/** A box prompt in original image pixels, {@code (x0, y0)} top-left, {@code (x1, y1)} bottom-right. */
public record Box(double x0, double y0, double x1, double y1) {

    public Box {
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))
                || x1 < x0 || y1 < y0) {
            throw new InputException("box must have finite corners with x0 ≤ x1 and y0 ≤ y1, got ["
                    + x0 + ", " + y0 + ", " + x1 + ", " + y1 + "]");
        }
    }
}
