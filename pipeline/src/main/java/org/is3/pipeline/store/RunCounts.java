package org.is3.pipeline.store;

import java.util.Map;

/**
 * How many images of a run are in each state, and how many of the PLANNED ones failed their last
 * attempt (their message is in the dead-letter queue).
 */
public record RunCounts(Map<ImageState, Integer> byState, int failed) {

    public RunCounts {
        byState = Map.copyOf(byState);
    }

    public int count(ImageState state) {
        return byState.getOrDefault(state, 0);
    }

    public int total() {
        return byState.values().stream().mapToInt(Integer::intValue).sum();
    }
}
