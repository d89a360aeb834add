package org.is3.cli;

import org.is3.eval.auth.IssuedToken;
import org.is3.eval.auth.Tokens;
import org.is3.eval.store.Role;
import org.is3.eval.store.Team;
import org.is3.eval.store.Teams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "create-team", mixinStandardHelpOptions = true,
        description = {"Create a team and print its API token, once, alone on the last line.",
            "Only the token's SHA-256 is stored: keep the token, it cannot be shown again",
            "(new-token issues another)."})
final class AdminCreateTeamCommand extends AdminCommand {

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Team name: letters, digits, spaces, '.', '_', '-', '(' or ')'.")
    String name;

    @Option(names = "--role", defaultValue = "member", paramLabel = "ROLE",
            description = "admin (manages benchmarks, marks baselines) or member (submits); default ${DEFAULT-VALUE}.")
    String role;

    @Override
    public Integer call() {
        Role parsed = Role.fromName(role);
        IssuedToken token = withDatabase(db -> {
            Team team = new Teams(db.dataSource()).create(name, parsed);
            return new Tokens(db.dataSource()).issue(team);
        });
        out().printf("team '%s' created (%s). Its API token, shown only this once (send it as"
                + " 'Authorization: Bearer TOKEN'):%n", token.team().name(), token.team().role().dbName());
        out().println(token.token());
        out().flush();
        return 0;
    }
}
