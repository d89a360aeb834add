package org.is3.eval.store;

/**
 * One split of a benchmark.
 *
 * @param id         {@code eval_split.id}, the key {@link Benchmarks#loadTruth} takes
 * @param name       {@code dev}, {@code test} or {@code private}
 * @param visibility what may be shown of it
 * @param samples    number of samples
 * @param negatives  how many of them are negatives (any kind but positive)
 */
public record Split(long id, String name, SplitVisibility visibility, int samples, int negatives) {
}
