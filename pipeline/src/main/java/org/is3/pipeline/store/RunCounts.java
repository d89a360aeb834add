package org.is3.pipeline.store;

import java.util.Map;

/**
 * How many images of a run are in each state, and how many of them failed their last attempt at the
 * next machine stage (their message is in the dead-letter queue, the reason on the image).
 */
public record RunCounts(Map<ImageState, Integer> byState, Map<ImageState, Integer> failedByState) {

    public RunCounts {
        byState = Map.copyOf(byState);
        failedByState = Map.copyOf(failedByState);
    }

    public int count(ImageState state) {
        return byState.getOrDefault(state, 0);
    }

    public int failed(ImageState state) {
        return failedByState.getOrDefault(state, 0);
    }

    /** Failed images in every state. */
    public int failed() {
        return failedByState.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int total() {
        return byState.values().stream().mapToInt(Integer::intValue).sum();
    }
}
