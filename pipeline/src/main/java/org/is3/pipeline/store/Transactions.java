package org.is3.pipeline.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Transactions and error wording shared by the pipeline's stores (and the IS3 import). */
public final class Transactions {

    /** Work on the transaction's connection. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public static <T> T run(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + " failed in the database: " + e.getMessage(), e);
    }
}
