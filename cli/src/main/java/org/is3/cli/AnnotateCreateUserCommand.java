package org.is3.cli;

import org.is3.annotator.auth.Accounts;
import org.is3.annotator.auth.Passwords;
import org.is3.annotator.auth.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "create-user", mixinStandardHelpOptions = true,
        description = {"Create an annotator account and print its generated password, once, alone on the last line.",
            "Only a bcrypt hash is stored; the user changes it with POST /api/v1/password (reset-password issues a new one)."})
final class AnnotateCreateUserCommand extends AdminCommand {

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "User name: 1-64 letters, digits, '.', '_' or '-'.")
    String name;

    @Option(names = "--role", defaultValue = "annotator", paramLabel = "ROLE",
            description = "annotator (verify, annotate), reviewer (also the review queue) or admin (also statistics);"
                    + " default ${DEFAULT-VALUE}.")
    String role;

    @Override
    public Integer call() {
        Role parsed = Role.fromName(role);
        Accounts.NewAccount created = withDatabase(db -> new Accounts(db.dataSource(),
                new Passwords(Passwords.DEFAULT_COST)).create(name, parsed));
        out().printf("user '%s' created (%s). Password, shown only this once:%n", created.account().name(),
                created.account().role().dbName());
        out().println(created.password());
        out().flush();
        return 0;
    }
}
