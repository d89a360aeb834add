package org.is3.eval.store;

import org.is3.core.gt.GroundTruthSet;

/**
 * One stored split read back with its hidden ground truth, in position order ({@link SplitTruth}
 * is the same before import, without the row id).
 *
 * @param id         {@code eval_split.id}
 * @param visibility dev (per-sample results kept for the team), test or private (aggregates only)
 */
public record LoadedSplit(long id, String name, SplitVisibility visibility, GroundTruthSet truth) {
    public boolean dev() {
        return visibility == SplitVisibility.DEV;
    }
}
