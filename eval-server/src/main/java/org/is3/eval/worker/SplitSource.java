package org.is3.eval.worker;

import java.util.List;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.PredictionSource;

/**
 * The predictions of one split out of a submission that covers all splits: core's Scorer refuses
 * ids outside its ground truth, so each split sees only its own. Closing it leaves the submission open.
 */
final class SplitSource implements PredictionSource {
    private final PredictionSource all;
    private final List<String> ids;
    private final String description;

    SplitSource(PredictionSource all, List<String> ids, String description) {
        this.all = all;
        this.ids = List.copyOf(ids);
        this.description = description;
    }

    @Override
    public List<String> ids() {
        return ids;
    }

    @Override
    public NpyArray read(String id) {
        return all.read(id);
    }

    @Override
    public NpyArray read(String id, float[] reuse) {
        return all.read(id, reuse);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        // the submission's source is closed by whoever opened it
    }
}
