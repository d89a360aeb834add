package org.is3.core.scoring;

import java.util.List;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.ExtendedResult;
import org.is3.core.metrics.LocalizationResult;
import org.is3.core.metrics.NegativeAudioResult;

/**
 * The outcome of scoring a prediction set.
 *
 * @param localization  metrics over the positive samples, in ground-truth order
 * @param extended      AP / max-F1 / LocAcc when the set has non-sounding negatives, else null
 * @param samples       per-sample results in ground-truth order
 * @param missing       how many samples had no prediction (only non-zero with allowMissing)
 * @param negativeAudio vssl_eval's silence / noise / off-screen metrics (metrics.md §7, percentages)
 *                      when the set has such samples, else null
 */
public record ScoreReport(LocalizationResult localization, ExtendedResult extended,
                          List<SampleResult> samples, int missing, NegativeAudioResult negativeAudio) {
    /** A report without negative-audio metrics. */
    public ScoreReport(LocalizationResult localization, ExtendedResult extended, List<SampleResult> samples,
                       int missing) {
        this(localization, extended, samples, missing, null);
    }

    public int negatives() {
        return (int) samples.stream().filter(s -> s.kind() != SampleKind.POSITIVE).count();
    }
}
