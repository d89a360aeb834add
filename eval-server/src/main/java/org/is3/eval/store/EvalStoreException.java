package org.is3.eval.store;

import java.sql.SQLException;

/**
 * The database failed a store operation (connection lost, a constraint the store did not expect).
 * Not a user error: callers report it as a server fault. The message names the operation and
 * PostgreSQL's reason.
 */
public final class EvalStoreException extends RuntimeException {

    /** PostgreSQL's SQLSTATE for a unique-constraint violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final String sqlState;

    EvalStoreException(String what, SQLException cause) {
        super("database error while " + what + ": " + cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
    }

    /** Whether a unique constraint refused the write (a concurrent insert of the same name). */
    public boolean isUniqueViolation() {
        return UNIQUE_VIOLATION.equals(sqlState);
    }
}
