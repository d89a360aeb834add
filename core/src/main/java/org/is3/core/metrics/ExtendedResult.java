package org.is3.core.metrics;

import java.util.List;

/**
 * All of SLAVC's {@code finalize_stats} numbers: one {@link SubsetScores} per IoU threshold and
 * subset, in the reference's order (metrics.md §5).
 */
public record ExtendedResult(List<SubsetScores> scores) {
    public ExtendedResult {
        scores = List.copyOf(scores);
    }

    /** The scores of one subset at IoU threshold θ. */
    public SubsetScores get(ExtendedSubset subset, double iouThreshold) {
        for (SubsetScores s : scores) {
            if (s.subset() == subset && s.iouThreshold() == iouThreshold) {
                return s;
            }
        }
        throw new IllegalArgumentException("no scores for subset " + subset.key() + " at IoU threshold " + iouThreshold);
    }

    /** The paper's AP: {@code AP-all@50}. */
    public double ap() {
        return get(ExtendedSubset.ALL, 0.5).ap();
    }

    /** The paper's max-F1: the maximum of {@code F1-all@50}. */
    public double maxF1() {
        return get(ExtendedSubset.ALL, 0.5).maxF1();
    }

    /** The paper's LocAcc: {@code Precision-visible@50}. */
    public double locAcc() {
        return get(ExtendedSubset.VISIBLE, 0.5).precision();
    }
}
