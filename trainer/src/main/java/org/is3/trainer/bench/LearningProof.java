package org.is3.trainer.bench;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.core.formats.PredictionSource;
import org.is3.core.scoring.Progress;
import org.is3.models.runtime.DjlRuntime;
import org.is3.trainer.data.ReleaseSource;
import org.is3.trainer.infer.Inference;
import org.is3.trainer.model.AvModel;
import org.is3.trainer.train.Checkpoint;
import org.is3.trainer.train.Sources;
import org.is3.trainer.train.StepStats;
import org.is3.trainer.train.TrainConfig;
import org.is3.trainer.train.TrainListener;
import org.is3.trainer.train.Trainer;
import org.is3.trainer.validate.Validator;

/**
 * The proof of learning (a benchmark, not a test): train a configuration, then score on its held-out
 * release (i) the trained model, (ii) the same architecture untrained (same seed, i.e. the trained
 * model's starting point) and (iii) the centre prior, all with the project's scorer. Predictions of
 * (i) and (ii) are written as submission files so {@code is3 eval score} can re-score them from the
 * command line.
 */
public final class LearningProof {

    private LearningProof() {
    }

    /** The outcome; metric maps are those of {@code is3 eval score --json}. */
    public record Result(Path release, Map<String, Object> trained, Map<String, Object> untrained,
                         Map<String, Object> centrePrior, double trainSeconds, double samplesPerSecond,
                         Path trainedPredictions, Path untrainedPredictions) {
    }

    public static Result run(TrainConfig cfg, TrainListener listener) {
        if (cfg.validation().kind().equals("none")) {
            throw new IllegalArgumentException("the proof of learning needs a validation set in the config");
        }
        Path release = Sources.validationRelease(cfg.validation(), cfg.data(), cfg.validationScenes(), cfg.out());
        Validator validator = new Validator(release);
        ReleaseSource heldOut = ReleaseSource.open(release, true);
        Path untrainedPredictions = cfg.out().resolve("untrained.npz");
        (cfg.threads() > 0 ? DjlRuntime.engine(cfg.threads()) : DjlRuntime.engine()).setRandomSeed((int) cfg.seed());
        try (NDManager manager = NDManager.newBaseManager(DjlRuntime.device(), DjlRuntime.ENGINE);
             AvModel untrained = AvModel.create(cfg.model(), manager)) {
            Inference.run(untrained, heldOut, untrainedPredictions, false, Progress.NONE);
        }
        Map<String, Object> untrainedScore = scoreFile(validator, untrainedPredictions);
        Map<String, Object> centre = validator.scoreCentrePrior();
        double[] pace = {0, 0};
        long t0 = System.nanoTime();
        Path checkpoint = new Trainer(cfg, new TrainListener() {
            @Override
            public void onStep(StepStats s, long first) {
                pace[0] += cfg.batchSize();
                pace[1] = s.elapsedSeconds();
                listener.onStep(s, first);
            }

            @Override
            public void onMessage(String line) {
                listener.onMessage(line);
            }

            @Override
            public void onValidation(long step, Map<String, Object> metrics) {
                listener.onValidation(step, metrics);
            }
        }).run();
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        Path trainedPredictions = cfg.out().resolve("trained.npz");
        try (NDManager manager = NDManager.newBaseManager(DjlRuntime.device(), DjlRuntime.ENGINE);
             AvModel trained = Checkpoint.loadModel(checkpoint, manager)) {
            Inference.run(trained, heldOut, trainedPredictions, false, Progress.NONE);
        }
        Map<String, Object> trainedScore = scoreFile(validator, trainedPredictions);
        return new Result(release, trainedScore, untrainedScore, centre, trainSeconds,
                pace[1] > 0 ? pace[0] / pace[1] : Double.NaN, trainedPredictions, untrainedPredictions);
    }

    private static Map<String, Object> scoreFile(Validator validator, Path npz) {
        try (PredictionSource p = PredictionSource.open(npz)) {
            return validator.score(p);
        }
    }

    /** The rows of the report table: key and label. */
    public static Map<String, String> reportedMetrics() {
        Map<String, String> m = new LinkedHashMap<>();
        for (List<String> kv : List.of(List.of("ciou", "cIoU (success@0.5)"), List.of("auc", "AUC"),
                List.of("iiou", "IIoU"), List.of("ciou_adap", "cIoU adaptive"), List.of("iiou_adap", "IIoU adaptive"),
                List.of("mean_ciou", "mean cIoU"), List.of("pia_silence", "pIA silence (lower better)"),
                List.of("pia_noise", "pIA noise (lower better)"), List.of("pia_offscreen", "pIA off-screen (lower better)"))) {
            m.put(kv.get(0), kv.get(1));
        }
        return m;
    }
}
