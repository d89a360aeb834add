package org.is3.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.is3.annotator.auth.Accounts;
import org.is3.annotator.auth.Passwords;
import org.is3.annotator.auth.Role;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code is3 annotate admin …} through the real command line, on a real embedded PostgreSQL. */
class AnnotateAdminCommandTest {
    @TempDir
    Path home;

    record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    @Test
    void createUserPrintsAOneTimePasswordThatSignsInAndResetReplacesIt() {
        Run created = run("create-user", "--name", "alice", "--role", "reviewer");
        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().contains("user 'alice' created (reviewer)"), created.out());
        String password = created.lastLine();
        Run again = run("create-user", "--name", "alice");
        assertNotEquals(0, again.code());
        assertTrue(again.err().contains("user 'alice' already exists"), again.err());
        Run badRole = run("create-user", "--name", "bob", "--role", "boss");
        assertTrue(badRole.err().contains("unknown role 'boss'"), badRole.err());

        Run reset = run("reset-password", "--name", "alice");
        assertEquals(0, reset.code(), reset.err());
        String fresh = reset.lastLine();
        assertNotEquals(password, fresh);
        Run list = run("list-users");
        assertTrue(list.out().matches("(?s)alice +reviewer\\s*"), list.out());
        try (Database db = Database.start(DatabaseConfig.embedded(home).withPort(0))) {
            Accounts accounts = new Accounts(db.dataSource(), new Passwords(4));
            assertTrue(accounts.authenticate("alice", password).isEmpty(), "the old password is gone");
            assertEquals(Role.REVIEWER, accounts.authenticate("alice", fresh).orElseThrow().role());
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 5];
        all[0] = "annotate";
        all[1] = "admin";
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--home";
        all[args.length + 3] = home.toString();
        all[args.length + 4] = "--db-port=0";
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(code, out.toString(), err.toString());
    }
}
