package org.is3.cli;

import picocli.CommandLine.Command;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Build IS3+ releases: plan, generate, (verify and annotate in the annotator), pair audio, export.",
            "Every command works alone or next to a running `is3 up` on the same home."},
        subcommands = {PipelineRunCommand.class, PipelineStatusCommand.class, PipelineExportCommand.class,
            PipelineVerifyCommand.class, PipelineImportCommand.class, PipelineDemoCommand.class,
            PipelineWorkerCommand.class})
final class PipelineCommand {
}
