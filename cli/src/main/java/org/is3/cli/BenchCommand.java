package org.is3.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks.",
        subcommands = {BenchScoreCommand.class, BenchEvalCommand.class})
final class BenchCommand {
}
