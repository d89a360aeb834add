package org.is3.eval.worker;

import org.is3.core.gt.GroundTruthSet;

/**
 * One split's hidden ground truth, in position order.
 *
 * @param visibility dev (per-sample results kept for the team), test or private (aggregates only)
 */
record SplitTruth(long id, String name, String visibility, GroundTruthSet truth) {
    boolean dev() {
        return visibility.equals("dev");
    }
}
