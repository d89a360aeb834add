package org.is3.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.is3.core.InputException;
import org.is3.db.Database;
import org.is3.db.DatabaseStartException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every {@code eval admin} subcommand shares: the home and database options, and one short connection. */
abstract class AdminCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    /** Work on the database, which is closed (or left to its owner, when joined) afterwards. */
    @FunctionalInterface
    interface DatabaseWork<T> {
        T run(Database database);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /**
     * Runs {@code work} on the home's database: the running server's, joined as a client, or the
     * embedded one started for this command. A database that cannot be reached is a user error
     * (wrong --home or --db-url), reported without a stack trace.
     */
    <T> T withDatabase(DatabaseWork<T> work) {
        Database database;
        try {
            database = Database.connect(home.databaseConfig());
        } catch (DatabaseStartException e) {
            throw new InputException(e.getMessage(), e);
        }
        try (database) {
            return work.run(database);
        }
    }
}
