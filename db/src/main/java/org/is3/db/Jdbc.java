package org.is3.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * Plain JDBC units of work on a pool, shared by the modules that keep their own tables (eval server,
 * annotator, pipeline): one connection per unit, committed when the work returns and rolled back
 * when it throws. An {@link SQLException} becomes the caller's own exception type, made by
 * {@code failure} from the name of the work; the caller's other errors pass through unchanged. The
 * pool (HikariCP) restores auto-commit when a connection is returned.
 */
public final class Jdbc {

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    /** Runs {@code work} in one transaction (read committed, PostgreSQL's default). */
    public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work,
                                      BiFunction<String, SQLException, RuntimeException> failure) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure.apply(what, e);
        }
    }

    /** Runs read-only {@code work} on a connection in auto-commit mode. */
    public static <T> T read(DataSource dataSource, String what, Work<T> work,
                             BiFunction<String, SQLException, RuntimeException> failure) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure.apply(what, e);
        }
    }
}
