package org.is3.eval.worker;

import java.nio.file.Path;
import org.is3.core.formats.PredictionSource;

/** Opens a stored submission file for scoring; by default {@link PredictionSource#open(Path)}. */
@FunctionalInterface
public interface PredictionOpener {
    PredictionSource open(Path file);
}
