package org.is3.core.scoring;

import java.util.List;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.ExtendedResult;
import org.is3.core.metrics.LocalizationResult;

/**
 * The outcome of scoring a prediction set.
 *
 * @param localization  metrics over the positive samples, in ground-truth order
 * @param extended      AP / max-F1 / LocAcc when the set has negatives, else null
 * @param samples       per-sample results in ground-truth order
 * @param missing       how many samples had no prediction (only non-zero with allowMissing)
 */
public record ScoreReport(LocalizationResult localization, ExtendedResult extended,
                          List<SampleResult> samples, int missing) {
    public int negatives() {
        return (int) samples.stream().filter(s -> s.kind() != SampleKind.POSITIVE).count();
    }
}
