package org.is3.pipeline.store;

/** An image of a run, by its keys. */
public record ImageKey(long runId, String base) {
}
