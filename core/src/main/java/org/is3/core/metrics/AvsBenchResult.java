package org.is3.core.metrics;

/**
 * AVSBench's test scores (metrics.md §6b), as {@code test.py} prints them: fractions, not percentages.
 *
 * @param miou     the {@code AverageMeter} mean of the per-batch mean IoU, a float32 value
 * @param fMeasure the {@code AverageMeter} mean of the per-batch max F_0.3, in binary64
 * @param batches  number of batches added
 */
public record AvsBenchResult(double miou, double fMeasure, int batches) {
}
