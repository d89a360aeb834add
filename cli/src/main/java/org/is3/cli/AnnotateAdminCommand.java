package org.is3.cli;

import picocli.CommandLine.Command;

/**
 * {@code is3 annotate admin …}: annotator accounts. Works whether or not an annotator runs on the
 * same home (it joins that database or starts the embedded one for itself).
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manage annotator accounts (roles annotator, reviewer, admin).",
        subcommands = {AnnotateCreateUserCommand.class, AnnotateResetPasswordCommand.class, AnnotateListUsersCommand.class})
final class AnnotateAdminCommand {
}
