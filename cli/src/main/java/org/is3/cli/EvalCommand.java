package org.is3.cli;

import picocli.CommandLine.Command;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score localization predictions.",
        subcommands = {ScoreCommand.class})
final class EvalCommand {
}
