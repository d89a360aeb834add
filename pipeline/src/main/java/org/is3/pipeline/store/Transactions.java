package org.is3.pipeline.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One database transaction for work outside the stores (the IS3 import), worded like theirs. */
public final class Transactions {

    /** Work on the transaction's connection. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    public static <T> T run(DataSource dataSource, String what, Work<T> work) {
        return Sql.inTransaction(dataSource, what, work::run);
    }
}
