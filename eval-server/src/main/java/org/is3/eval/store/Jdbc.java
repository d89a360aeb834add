package org.is3.eval.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Plain JDBC on the shared pool: one connection per unit of work, committed when the work returns
 * and rolled back when it throws. SQL failures become {@link EvalStoreException} naming the work;
 * the store's own errors (an {@link org.is3.core.InputException}) pass through unchanged. The
 * pool (HikariCP) restores auto-commit when a connection is returned.
 */
public final class Jdbc {

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> extends org.is3.db.Jdbc.Work<T> {
    }

    private Jdbc() {
    }

    /**
     * Runs {@code work} in one transaction (read committed, PostgreSQL's default).
     *
     * @param what names the work for the error message, e.g. "creating benchmark vggss"
     */
    public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        return org.is3.db.Jdbc.inTransaction(dataSource, what, work, EvalStoreException::new);
    }

    /** Runs read-only {@code work} on a connection in auto-commit mode. */
    public static <T> T read(DataSource dataSource, String what, Work<T> work) {
        return org.is3.db.Jdbc.read(dataSource, what, work, EvalStoreException::new);
    }

    /** Binds an instant (or SQL NULL) to a {@code timestamptz} parameter. */
    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    /** A {@code timestamptz} column as an instant, or null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
