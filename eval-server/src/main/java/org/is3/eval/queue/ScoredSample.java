package org.is3.eval.queue;

/**
 * One sample's scores, kept only for dev splits (peers.md: never per-sample scores on a hidden split).
 * NaN (an empty ground truth and an empty mask, metrics.md §2) is stored as SQL NULL, read back as
 * null in {@link org.is3.eval.store.SampleScore}.
 */
public record ScoredSample(String sampleId, double ciou, double ciouAdaptive) {
}
