package org.is3.pipeline.store;

import java.sql.SQLException;
import javax.sql.DataSource;

/** Transactions and error wording shared by the pipeline's stores (and the IS3 import). */
public final class Transactions {

    /** Work on the transaction's connection. */
    public interface Work<T> extends org.is3.db.Jdbc.Work<T> {
    }

    private Transactions() {
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public static <T> T run(DataSource dataSource, String what, Work<T> work) {
        return org.is3.db.Jdbc.inTransaction(dataSource, what, work, Transactions::failure);
    }

    static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + " failed in the database: " + e.getMessage(), e);
    }
}
