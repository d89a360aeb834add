package org.is3.cli;

import org.is3.eval.auth.Tokens;
import org.is3.eval.store.Team;
import org.is3.eval.store.Teams;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke every API token of a team, or one token. Requests with them get 401 at once.")
final class AdminRevokeCommand extends AdminCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--team", required = true, paramLabel = "NAME", description = "Revoke all tokens of this team.")
        String team;

        @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "Revoke this one token.")
        String token;
    }

    @Override
    public Integer call() {
        if (target.team != null) {
            int revoked = withDatabase(db -> {
                Team team = new Teams(db.dataSource()).require(target.team);
                return new Tokens(db.dataSource()).revokeAll(team);
            });
            out().printf("revoked %d token(s) of team '%s'%n", revoked, target.team.strip());
        } else {
            boolean revoked = withDatabase(db -> new Tokens(db.dataSource()).revoke(target.token.strip()));
            out().println(revoked ? "token revoked" : "no live token matches; nothing revoked");
        }
        out().flush();
        return 0;
    }
}
