package org.is3.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the scorer, the eval server and the trainer (figures to compare with the reference code).",
        subcommands = {BenchScoreCommand.class, BenchEvalCommand.class, BenchTrainCommand.class})
final class BenchCommand {
}
