package org.is3.cli;

import picocli.CommandLine.Command;

@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Run the annotator (verify generated images, click objects to get masks); manage its accounts.",
        subcommands = {AnnotateServeCommand.class, AnnotateAdminCommand.class})
final class AnnotateCommand {
}
