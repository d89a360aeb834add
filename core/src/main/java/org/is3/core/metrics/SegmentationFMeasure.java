package org.is3.core.metrics;

/**
 * F_β with β² = 0.3 as the mIoU/F protocols compute it in torch float32 (metrics.md §6a, §6b):
 * {@code (1 + β²)·P·R / (β²·P + R)} with the two constants rounded to float32 and every operation a
 * float32 operation, left to right; 0/0 (P = R = 0) is set to 0.
 */
final class SegmentationFMeasure {
    /** {@code 1 + beta2} is the binary64 1.3, then rounded to float32 by torch's scalar handling. */
    private static final float ONE_PLUS_BETA2 = (float) (1 + 0.3);
    private static final float BETA2 = 0.3f;

    private SegmentationFMeasure() {
    }

    static float of(float precision, float recall) {
        float f = ONE_PLUS_BETA2 * precision * recall / (BETA2 * precision + recall);
        return Float.isNaN(f) ? 0f : f;
    }
}
