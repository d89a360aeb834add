package org.is3.core.scoring;

import org.is3.core.gt.SampleKind;

/**
 * What one sample scored. A sample without a prediction (only with {@code --allow-missing})
 * scores as a failure: cIoU 0 and, on extended benchmarks, a confidence of −∞ (never detected).
 *
 * @param extendedCIoU  cIoU under the extended benchmark's mask (NaN when not an extended run)
 * @param confidence    SLAVC confidence (NaN when not an extended run)
 */
public record SampleResult(String id, SampleKind kind, boolean missing, double ciou, double ciouAdaptive,
                           double extendedCIoU, float confidence) {
}
