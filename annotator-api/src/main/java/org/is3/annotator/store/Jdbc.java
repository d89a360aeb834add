package org.is3.annotator.store;

import javax.sql.DataSource;

/**
 * Plain JDBC on the shared pool: one connection per unit of work, committed when the work returns
 * and rolled back when it throws. SQL failures become {@link StoreException} naming the work; the
 * annotator's own errors pass through unchanged.
 */
public final class Jdbc {

    @FunctionalInterface
    public interface Work<T> extends org.is3.db.Jdbc.Work<T> {
    }

    private Jdbc() {
    }

    /** Runs {@code work} in one read-committed transaction; {@code what} names it in errors. */
    public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        return org.is3.db.Jdbc.inTransaction(dataSource, what, work, StoreException::new);
    }

    /** Runs read-only {@code work} in auto-commit mode. */
    public static <T> T read(DataSource dataSource, String what, Work<T> work) {
        return org.is3.db.Jdbc.read(dataSource, what, work, StoreException::new);
    }
}
