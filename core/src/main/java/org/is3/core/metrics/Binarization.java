package org.is3.core.metrics;

/**
 * Which normalised scores a threshold {@code t} selects (metrics.md §2, §11). Comparisons with NaN
 * are false, so a NaN score is never selected.
 */
public enum Binarization {
    /** {@code p > t}: SSLalignment's {@code cal_CIOU}. Ties at {@code t} are all dropped. */
    STRICT {
        @Override
        public boolean selects(float p, float t) {
            return p > t;
        }
    },
    /** {@code p ≥ t}: EZ-VSL, and SLAVC's masks. Ties at {@code t} are all kept. */
    INCLUSIVE {
        @Override
        public boolean selects(float p, float t) {
            return p >= t;
        }
    },
    /**
     * The original LVS test script: scores above {@code t} are set to 1, the rest below 1 to 0, then
     * {@code ≥ 0.5} is taken, so the mask is {@code p > t} plus every pixel already at {@code p ≥ 1}.
     */
    LVS {
        @Override
        public boolean selects(float p, float t) {
            return p > t || p >= 1.0f;
        }
    };

    public abstract boolean selects(float p, float t);
}
