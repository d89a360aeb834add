package org.is3.core.metrics;

import org.is3.core.InputException;

/**
 * Cosine similarity of float32 embeddings in binary64, in one fixed order (metrics.md §8, §9, both
 * specified by is3): ‖x‖ = sqrt(Σ_d x_d²) and x·y = Σ_d x_d·y_d, each summed over d = 0, 1, … in
 * binary64 from the float32 components; cos(x, y) = x·y / (‖x‖·‖y‖). The products commute exactly,
 * so cos(x, y) and cos(y, x) are the same double.
 */
final class CosineSimilarity {
    private CosineSimilarity() {
    }

    static double norm(float[] x) {
        double s = 0.0;
        for (float v : x) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    static double dot(float[] x, float[] y) {
        double s = 0.0;
        for (int d = 0; d < x.length; d++) {
            s += (double) x[d] * y[d];
        }
        return s;
    }

    static double cosine(float[] x, double normX, float[] y, double normY) {
        return dot(x, y) / (normX * normY);
    }

    /**
     * The norm of an embedding that can be compared: {@code dim} components, all finite, not all zero.
     * {@code what} names the embedding in the error.
     */
    static double checkedNorm(float[] x, int dim, String what) {
        if (x == null) {
            throw new InputException(what + " is missing");
        }
        if (x.length != dim) {
            throw new InputException(what + " has " + x.length + " components, expected " + dim);
        }
        for (float v : x) {
            if (!Float.isFinite(v)) {
                throw new InputException(what + " has a non-finite component (" + v + ")");
            }
        }
        double n = norm(x);
        if (n == 0.0 || !Double.isFinite(n)) {
            throw new InputException(what + " has norm " + n + ": its cosine similarity is undefined");
        }
        return n;
    }
}
