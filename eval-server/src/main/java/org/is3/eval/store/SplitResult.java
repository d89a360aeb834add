package org.is3.eval.store;

/** A submission's aggregate metrics on one split. */
public record SplitResult(long splitId, String splitName, SplitVisibility visibility, Metrics metrics) {
}
