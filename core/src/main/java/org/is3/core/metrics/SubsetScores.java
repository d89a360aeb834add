package org.is3.core.metrics;

import java.util.List;
import java.util.Objects;

/**
 * SLAVC's numbers for one subset at one IoU threshold θ (metrics.md §5). An empty subset has
 * {@code n = 0}, NaN scores and an empty F1 list, as the reference's {@code np.nan}.
 *
 * @param subset       which samples
 * @param iouThreshold θ: a detection is correct if its cIoU ≥ θ
 * @param n            number of samples in the subset
 * @param precision    {@code Precision-…}: precision with every sample detected (confidence ≥ −1000);
 *                     on {@link ExtendedSubset#VISIBLE} this is LocAcc
 * @param ap           {@code AP-…}: SLAVC's {@code calc_ap}
 * @param auc          {@code AUC-…}: the cIoU success-curve AUC over the subset's positives (NaN if none)
 * @param f1           {@code F1-…}: F1 at every {@code max(1, n//10)}-th ascending confidence
 */
public record SubsetScores(ExtendedSubset subset, double iouThreshold, int n, double precision,
                           double ap, double auc, List<Double> f1) {
    public SubsetScores {
        Objects.requireNonNull(subset, "subset");
        f1 = List.copyOf(f1);
    }

    static SubsetScores empty(ExtendedSubset subset, double iouThreshold) {
        return new SubsetScores(subset, iouThreshold, 0, Double.NaN, Double.NaN, Double.NaN, List.of());
    }

    /** max-F1: the maximum of the F1 list (not a continuous maximum); NaN for an empty subset. */
    public double maxF1() {
        double max = Double.NaN;
        for (double f : f1) {
            if (Double.isNaN(max) || f > max) {
                max = f;
            }
        }
        return max;
    }
}
