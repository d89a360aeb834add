package org.is3.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The two similarities of "Aligning Sight and Sound" (section 3), for every image × audio pair of a
 * batch: the localization similarity sL(v, a) = mean over the h×w locations of cos(v^xy, a), and the
 * alignment similarity sA = cos(pv(avg(v)), pa(a)). The per-location cosines of a matched pair are
 * the localization map that inference upsamples to 224×224.
 */
public final class Similarity {

    private static final float EPS = 1e-12f;

    private Similarity() {
    }

    /** x divided by its L2 norm along {@code axis} (a zero vector stays zero). */
    public static NDArray normalize(NDArray x, int axis) {
        NDArray norm = x.square().sum(new int[] {axis}, true).add(EPS).sqrt();
        return x.div(norm);
    }

    /**
     * Per-location cosines of every image with every audio: B×M×(h·w) for maps v (B×c×h×w) and audio
     * features a (M×c).
     */
    public static NDArray locationCosines(NDArray v, NDArray a) {
        Shape s = v.getShape();
        NDArray vn = normalize(v, 1).reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
        NDArray an = normalize(a, 1);
        return an.matMul(vn);
    }

    /** sL for every pair: B×M, entry (i, j) pairs image i with audio j. */
    public static NDArray localization(NDArray v, NDArray a) {
        return locationCosines(v, a).mean(new int[] {2});
    }

    /** sA for every pair: B×M cosines of the projected features pv (B×d) and pa (M×d). */
    public static NDArray alignment(NDArray pv, NDArray pa) {
        return normalize(pv, 1).matMul(normalize(pa, 1).transpose());
    }

    /** The localization map of each matched pair: B×h×w cosines for v (B×c×h×w) and a (B×c). */
    public static NDArray maps(NDArray v, NDArray a) {
        NDArray an = normalize(a, 1).expandDims(2).expandDims(3);
        return normalize(v, 1).mul(an).sum(new int[] {1});
    }
}
