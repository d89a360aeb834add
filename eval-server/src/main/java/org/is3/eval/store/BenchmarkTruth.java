package org.is3.eval.store;

import java.util.List;
import org.is3.core.metrics.LocalizationProtocol;

/**
 * A benchmark as it is scored against: its protocol, tau and splits with their hidden ground truth,
 * as {@link TruthLoader} reads them back.
 */
public record BenchmarkTruth(long id, String name, LocalizationProtocol protocol, double tau, List<LoadedSplit> splits) {
    public BenchmarkTruth {
        splits = List.copyOf(splits);
    }

    /** How many samples all splits hold together. */
    public int samples() {
        return splits.stream().mapToInt(s -> s.truth().size()).sum();
    }
}
