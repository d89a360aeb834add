package org.is3.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.is3.trainer.train.TrainConfig;
import org.is3.trainer.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the reference baseline model from a YAML config.",
            "The SSL model of 'Aligning Sight and Sound' with SSL-SaN's silence/noise training; see",
            "docs/trainer.md for every key. Resumes from the newest checkpoint in <out>/checkpoints.",
            "Writes train.csv, validation.csv, loss.png and metrics.png into <out>."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Training config (YAML).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (overrides the config's 'out').")
    Path out;

    @Option(names = "--steps", paramLabel = "N", description = "Optimiser steps (overrides the config's 'steps').")
    Integer steps;

    @Override
    public Integer call() {
        TrainConfig cfg = TrainConfig.read(config);
        if (out != null) {
            cfg = cfg.withOut(out);
        }
        if (steps != null) {
            cfg = cfg.withSteps(steps);
        }
        try (TrainProgress progress = new TrainProgress(spec.commandLine().getOut())) {
            Path last = new Trainer(cfg, progress).run();
            progress.onMessage("done: " + last);
        }
        return 0;
    }
}
