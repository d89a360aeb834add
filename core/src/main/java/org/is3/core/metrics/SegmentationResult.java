package org.is3.core.metrics;

/**
 * mIoU and F-score as SSLalignment's {@code Evaluator_miou.finalize()} returns them (metrics.md §6a):
 * both × 100, as binary64 values (numpy 1.x turns a float32 scalar times or divided by a Python int
 * into a float64).
 *
 * @param miouPercent     mean over batches of the per-batch mean IoU, × 100
 * @param fMeasurePercent max of the two means (predict-all F and mask F) over all images with a
 *                        non-empty GT, × 100; NaN when no image had a non-empty GT
 * @param batches         number of batches added
 * @param images          number of images added
 * @param fImages         number of images that entered the F-score (ΣG ≠ 0)
 */
public record SegmentationResult(double miouPercent, double fMeasurePercent, int batches, int images,
                                 int fImages) {
}
