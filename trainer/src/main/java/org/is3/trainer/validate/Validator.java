package org.is3.trainer.validate;

import java.nio.file.Path;
import java.util.Map;
import org.is3.core.formats.PredictionSource;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.Is3PlusReader;
import org.is3.core.scoring.Progress;
import org.is3.core.scoring.ScoreJson;
import org.is3.core.scoring.ScoreOptions;
import org.is3.core.scoring.ScoreReport;
import org.is3.core.scoring.Scorer;
import org.is3.trainer.data.ReleaseSource;
import org.is3.trainer.infer.Localizer;
import org.is3.trainer.infer.MemoryPredictions;
import org.is3.trainer.model.AvModel;

/**
 * Scores a model on a held-out release with the project's own scorer, in process: the same ground
 * truth ({@code --gt-format is3plus}) and the same metrics as {@code is3 eval score}, default
 * protocol (sslalign). With IS3+ negatives in the release the negative-audio metrics (metrics.md §7)
 * come too.
 */
public final class Validator {

    private final Path release;
    private final GroundTruthSet truth;
    private final ReleaseSource source;
    private final ScoreOptions options;

    public Validator(Path release) {
        this.release = release;
        this.truth = Is3PlusReader.read(release);
        this.source = ReleaseSource.open(release, true);
        this.options = ScoreOptions.defaults().withThreads(1);
    }

    public Path release() {
        return release;
    }

    /** The metrics of {@code is3 eval score --json} for the model's maps. */
    public Map<String, Object> score(AvModel model) {
        MemoryPredictions predictions = new MemoryPredictions();
        new Localizer(model, 16).run(source, predictions::add, Progress.NONE);
        return score(predictions);
    }

    public Map<String, Object> score(PredictionSource predictions) {
        ScoreReport report = new Scorer(options).score(truth, predictions, Progress.NONE);
        return ScoreJson.metrics(report);
    }

    /**
     * The centre-prior baseline: the same isotropic Gaussian (σ = 224/4, peak 1 at the centre) for
     * every sample — what a model that only learned "objects are in the middle" would output.
     */
    public Map<String, Object> scoreCentrePrior() {
        float[] map = new float[Grid.PIXELS];
        double c = (Grid.SIZE - 1) / 2.0;
        double sigma = Grid.SIZE / 4.0;
        for (int y = 0; y < Grid.SIZE; y++) {
            for (int x = 0; x < Grid.SIZE; x++) {
                double r2 = (x - c) * (x - c) + (y - c) * (y - c);
                map[y * Grid.SIZE + x] = (float) Math.exp(-r2 / (2 * sigma * sigma));
            }
        }
        MemoryPredictions predictions = new MemoryPredictions();
        for (String id : truth.ids()) {
            predictions.add(new org.is3.trainer.infer.Prediction(id, map, null, null));
        }
        return score(predictions);
    }
}
