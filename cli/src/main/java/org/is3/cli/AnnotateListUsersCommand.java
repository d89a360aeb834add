package org.is3.cli;

import java.util.List;
import org.is3.annotator.auth.Account;
import org.is3.annotator.auth.Accounts;
import org.is3.annotator.auth.Passwords;
import picocli.CommandLine.Command;

@Command(name = "list-users", mixinStandardHelpOptions = true, description = "List annotator accounts and their roles.")
final class AnnotateListUsersCommand extends AdminCommand {

    @Override
    public Integer call() {
        List<Account> all = withDatabase(db -> new Accounts(db.dataSource(), new Passwords(Passwords.DEFAULT_COST)).list());
        for (Account a : all) {
            out().printf("%-24s %s%n", a.name(), a.role().dbName());
        }
        out().flush();
        return 0;
    }
}
