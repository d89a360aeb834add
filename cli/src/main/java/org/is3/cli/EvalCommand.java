package org.is3.cli;

import picocli.CommandLine.Command;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score localization predictions.",
        subcommands = {})
final class EvalCommand {
}
