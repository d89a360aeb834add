package org.is3.cli;

import org.is3.eval.auth.IssuedToken;
import org.is3.eval.auth.Tokens;
import org.is3.eval.store.Teams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "new-token", mixinStandardHelpOptions = true,
        description = {"Issue another API token for a team and print it, once, alone on the last line.",
            "The team's other tokens stay valid; revoke them with 'revoke'."})
final class AdminNewTokenCommand extends AdminCommand {

    @Option(names = "--team", required = true, paramLabel = "NAME", description = "The team.")
    String team;

    @Override
    public Integer call() {
        IssuedToken token = withDatabase(db ->
                new Tokens(db.dataSource()).issue(new Teams(db.dataSource()).require(team)));
        out().printf("new API token for team '%s', shown only this once:%n", token.team().name());
        out().println(token.token());
        out().flush();
        return 0;
    }
}
