package org.is3.core.metrics;

/**
 * One batch's scores as AVSBench's {@code test.py} prints them per iteration ({@code iou}, {@code F_score}).
 *
 * @param miou     {@code mask_iou}: the batch's mean frame IoU, a float32 value
 * @param fMeasure {@code Eval_Fmeasure}: the max over thresholds of the batch-mean F curve; 0 when no
 *                 frame of the batch has a non-empty GT
 */
public record AvsBenchBatch(double miou, double fMeasure) {
}
