package org.is3.db;

/**
 * The database could not be started or reached: the data directory is in use, a port is taken,
 * the server refuses the login, a migration failed. The message says which and names the url or
 * directory (never a password); callers show it without a stack trace.
 */
public class DatabaseStartException extends RuntimeException {
    public DatabaseStartException(String message) {
        super(message);
    }

    public DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
