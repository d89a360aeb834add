package org.is3.core.metrics;

/**
 * One sample of the extended (SLAVC) evaluation, metrics.md §5.
 *
 * @param ciou       cIoU of SLAVC's mask (absolute {@code s ≥ 0.5} or relative top-50% {@code ≥})
 * @param confidence the float32 mean of the top quarter of the scores
 */
public record ExtendedSample(double ciou, float confidence) {
}
