package org.is3.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the scorer, the eval server, the pipeline, the annotator, Stable Diffusion and the trainer.",
        subcommands = {BenchScoreCommand.class, BenchEvalCommand.class, BenchPipelineCommand.class,
            BenchAnnotateCommand.class, BenchSdCommand.class, BenchTrainCommand.class})
final class BenchCommand {
}
