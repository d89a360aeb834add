package org.is3.cli;

import picocli.CommandLine.Command;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score localization predictions; administer the eval server.",
        subcommands = {ScoreCommand.class, EvalServeCommand.class, EvalWorkerCommand.class, EvalAdminCommand.class})
final class EvalCommand {
}
