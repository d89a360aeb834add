package org.is3.core.metrics;

/**
 * How a raw heatmap is mapped to scores before thresholding (metrics.md §0). Both conventions are
 * monotone, but their float32 rounding merges different neighbours into ties, so the exact mask
 * depends on which one is used. All arithmetic is float32, in the reference's operation order.
 */
public enum Normalization {
    /**
     * {@code p = fl(fl(h − min) / fl(max − min))}, SSLalignment {@code validate()}, EZ-VSL, SLAVC
     * (relative mode). A constant map ({@code max − min == 0}) is returned unchanged; a NaN anywhere
     * makes min and max NaN, so every value becomes NaN.
     */
    MINMAX {
        @Override
        public float[] apply(float[] h) {
            return minMax(h);
        }
    },
    /**
     * {@code p = 1 − minmax(−h)}, SSLalignment {@code validate_lvs}/{@code validate_htf} and LVS.
     * Near the maximum {@code 1 − x} rounds to exactly 1, which adds ties at the top. A constant
     * map becomes {@code fl(1 + h)} because minmax leaves {@code −h} unchanged.
     */
    LVS {
        @Override
        public float[] apply(float[] h) {
            float[] negated = new float[h.length];
            for (int i = 0; i < h.length; i++) {
                negated[i] = -h[i];
            }
            float[] p = minMax(negated);
            for (int i = 0; i < p.length; i++) {
                p[i] = 1.0f - p[i];
            }
            return p;
        }
    };

    /** The normalised scores, a new array; the input is not modified. */
    public abstract float[] apply(float[] h);

    /** {@code normalize_img}: numpy's min/max propagate NaN, as {@link Math#min(float, float)} does. */
    private static float[] minMax(float[] v) {
        float min = v[0];
        float max = v[0];
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        float range = max - min;
        float[] p = v.clone();
        if (range == 0.0f) {
            return p;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = (v[i] - min) / range;
        }
        return p;
    }
}
