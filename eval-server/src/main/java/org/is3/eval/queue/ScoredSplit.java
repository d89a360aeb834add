package org.is3.eval.queue;

import java.util.List;
import java.util.Objects;

/**
 * What a worker scored on one split, on its way into {@code eval_result} / {@code eval_sample_result}
 * (read back as {@link org.is3.eval.store.SplitResult}).
 *
 * @param splitId     the {@code eval_split} row
 * @param metricsJson the metrics object (keys of {@code is3 eval score --json} plus the curves)
 * @param samples     per-sample scores; empty unless the split is a dev split
 */
public record ScoredSplit(long splitId, String metricsJson, List<ScoredSample> samples) {
    public ScoredSplit {
        Objects.requireNonNull(metricsJson, "metricsJson");
        samples = List.copyOf(samples);
    }
}
