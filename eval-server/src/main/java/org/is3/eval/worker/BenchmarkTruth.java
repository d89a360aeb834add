package org.is3.eval.worker;

import java.util.List;
import org.is3.core.metrics.LocalizationProtocol;

/** A benchmark as the worker scores against it: its protocol, tau and splits with their ground truth. */
record BenchmarkTruth(long id, String name, LocalizationProtocol protocol, double tau, List<SplitTruth> splits) {
    BenchmarkTruth {
        splits = List.copyOf(splits);
    }

    int samples() {
        return splits.stream().mapToInt(s -> s.truth().size()).sum();
    }
}
