package org.is3.eval.queue;

import java.util.List;
import java.util.Objects;

/**
 * What a submission scored on one split.
 *
 * @param splitId     the {@code eval_split} row
 * @param metricsJson the metrics object (keys of {@code is3 eval score --json} plus the curves)
 * @param samples     per-sample scores; empty unless the split is a dev split
 */
public record SplitResult(long splitId, String metricsJson, List<SampleScore> samples) {
    public SplitResult {
        Objects.requireNonNull(metricsJson, "metricsJson");
        samples = List.copyOf(samples);
    }
}
