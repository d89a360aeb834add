package org.is3.eval.store;

import java.util.Objects;
import org.is3.core.gt.GroundTruthSet;

/** The ground truth of one split to import, in the order it is scored in. */
public record SplitTruth(SplitVisibility visibility, GroundTruthSet truth) {
    public SplitTruth {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(truth, "truth");
    }

    /** The split's name: {@code dev}, {@code test} or {@code private}. */
    public String name() {
        return visibility.dbName();
    }
}
