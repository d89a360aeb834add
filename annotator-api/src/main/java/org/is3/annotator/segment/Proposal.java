package org.is3.annotator.segment;

/** A mask proposal (row-major, image size) and how long the segmenter took to make it. */
public record Proposal(boolean[] mask, int width, int height, long latencyNanos, String segmenter) {

    public double latencyMillis() {
        return latencyNanos / 1e6;
    }
}
