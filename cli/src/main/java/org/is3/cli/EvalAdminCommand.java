package org.is3.cli;

import picocli.CommandLine.Command;

/**
 * {@code is3 eval admin …}: benchmarks, phases, teams and tokens, submissions. Every subcommand
 * works whether or not an eval server runs on the same home: it joins that server's database
 * ({@link org.is3.db.Database#connect}) or starts the embedded one for itself.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = {"Administer the eval server: benchmarks (hidden ground truth), phases, teams and their",
            "API tokens, submissions. Works whether or not the server is running on the same --home."},
        subcommands = {
            AdminCreateBenchmarkCommand.class,
            AdminAddPhaseCommand.class,
            AdminCreateTeamCommand.class,
            AdminNewTokenCommand.class,
            AdminRevokeCommand.class,
            AdminMarkBaselineCommand.class,
            AdminRerunCommand.class,
            AdminListCommand.class})
public final class EvalAdminCommand {
}
