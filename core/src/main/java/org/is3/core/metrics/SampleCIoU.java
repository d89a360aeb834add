package org.is3.core.metrics;

/**
 * The per-sample scores of one heatmap (metrics.md §2, §3). NaN when the GT and the mask are both
 * empty.
 *
 * @param ciou         cIoU of the top-50% mask
 * @param ciouAdaptive cIoU of the mask at the adaptive threshold {@code t_k}
 */
public record SampleCIoU(double ciou, double ciouAdaptive) {
}
