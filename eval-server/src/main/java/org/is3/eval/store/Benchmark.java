package org.is3.eval.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.metrics.LocalizationProtocol;

/**
 * A benchmark as stored: its scoring convention and its splits (dev, test, private order).
 *
 * @param tau temperature of the extended benchmarks' score mapping (metrics.md §5)
 */
public record Benchmark(long id, String name, GroundTruthFormat gtFormat, LocalizationProtocol protocol,
                        double tau, Instant createdAt, List<Split> splits) {

    public Benchmark {
        splits = List.copyOf(splits);
    }

    public Optional<Split> split(String splitName) {
        return splits.stream().filter(s -> s.name().equals(splitName)).findFirst();
    }

    /** The split of this name, or a {@link NotFoundException} listing the benchmark's splits. */
    public Split requireSplit(String splitName) {
        return split(splitName).orElseThrow(() -> new NotFoundException("benchmark '" + name
                + "' has no split '" + splitName + "'; its splits: "
                + splits.stream().map(Split::name).collect(Collectors.joining(", "))));
    }

    /** Samples over all splits. */
    public int samples() {
        return splits.stream().mapToInt(Split::samples).sum();
    }
}
