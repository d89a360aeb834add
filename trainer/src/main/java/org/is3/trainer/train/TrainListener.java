package org.is3.trainer.train;

import java.nio.file.Path;
import java.util.Map;

/** Hears about a run as it goes (the CLI draws its progress bar from this). */
public interface TrainListener {

    void onStep(StepStats stats, long firstStep);

    default void onCheckpoint(Path file) {
    }

    default void onValidation(long step, Map<String, Object> metrics) {
    }

    default void onMessage(String line) {
    }

    TrainListener NONE = (s, f) -> { };
}
