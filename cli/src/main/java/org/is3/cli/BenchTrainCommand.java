package org.is3.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.is3.trainer.bench.LearningProof;
import org.is3.trainer.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Proof of learning: train, then score trained vs untrained vs centre prior.",
            "Trains on the shapes world (the packaged shapes-proof config unless --config), then scores",
            "the trained model, the same model untrained and a centre prior on held-out scenes with the",
            "project's scorer. Prints the table, the training time and samples/s, and the",
            "'is3 eval score' commands that re-score the written predictions."})
final class BenchTrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Training config (default: the packaged shapes-proof.yaml).")
    Path config;

    @Option(names = "--out", defaultValue = "${java.io.tmpdir}/is3-shapes-proof", paramLabel = "DIR",
            description = "Run directory (default ${DEFAULT-VALUE}); it must not hold checkpoints of another run.")
    Path out;

    @Option(names = "--steps", paramLabel = "N", description = "Optimiser steps (overrides the config).")
    Integer steps;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        TrainConfig cfg = config != null ? TrainConfig.read(config)
                : TrainConfig.parse(TrainConfig.proofYaml(), Path.of("").toAbsolutePath());
        cfg = cfg.withOut(out.toAbsolutePath());
        if (steps != null) {
            cfg = cfg.withSteps(steps);
        }
        LearningProof.Result r;
        try (TrainProgress progress = new TrainProgress(pw)) {
            r = LearningProof.run(cfg, progress);
        }
        pw.printf(Locale.ROOT, "%n%-30s %10s %10s %12s%n", "held-out (" + r.trained().get("n") + " instances)",
                "trained", "untrained", "centre prior");
        for (Map.Entry<String, String> e : LearningProof.reportedMetrics().entrySet()) {
            pw.printf(Locale.ROOT, "%-30s %10s %10s %12s%n", e.getValue(), TrainProgress.pct(r.trained().get(e.getKey())),
                    TrainProgress.pct(r.untrained().get(e.getKey())), TrainProgress.pct(r.centrePrior().get(e.getKey())));
        }
        pw.printf(Locale.ROOT, "training: %.1f s wall (%.1f min), %.1f samples/s over %d steps of %d%n", r.trainSeconds(),
                r.trainSeconds() / 60, r.samplesPerSecond(), cfg.steps(), cfg.batchSize());
        pw.printf("re-score: ./is3 eval score --gt %s --gt-format is3plus --pred %s --json%n", r.release(),
                r.trainedPredictions());
        pw.printf("          ./is3 eval score --gt %s --gt-format is3plus --pred %s --json%n", r.release(),
                r.untrainedPredictions());
        pw.flush();
        return 0;
    }
}
