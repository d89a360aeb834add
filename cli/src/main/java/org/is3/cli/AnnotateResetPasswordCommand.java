package org.is3.cli;

import org.is3.annotator.auth.Accounts;
import org.is3.annotator.auth.Passwords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reset-password", mixinStandardHelpOptions = true,
        description = "Give an account a new generated password (printed once, last line); its sessions and tokens end.")
final class AnnotateResetPasswordCommand extends AdminCommand {

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "User name.")
    String name;

    @Override
    public Integer call() {
        String password = withDatabase(db -> new Accounts(db.dataSource(), new Passwords(Passwords.DEFAULT_COST))
                .resetPassword(name));
        out().printf("new password for '%s', shown only this once:%n", name);
        out().println(password);
        out().flush();
        return 0;
    }
}
