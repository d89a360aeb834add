package org.is3.annotator.segment;

/** Lets tests of other packages place clicks the way {@link SimulatedAnnotator} does. */
public final class SimulatedAnnotatorAccess {
    private SimulatedAnnotatorAccess() {
    }

    /** The most interior pixel of a region: {x, y, distance}. */
    public static int[] deepest(boolean[] region, int w, int h) {
        return SimulatedAnnotator.deepest(region, w, h);
    }

    /** The next click of the simulated annotator, given the exact mask and the one shown. */
    public static Click nextClick(boolean[] truth, boolean[] shown, int w, int h) {
        return SimulatedAnnotator.nextClick(truth, shown, w, h);
    }
}
