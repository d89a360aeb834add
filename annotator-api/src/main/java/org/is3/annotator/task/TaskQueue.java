package org.is3.annotator.task;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.is3.annotator.auth.Account;
import org.is3.annotator.store.Jdbc;

/**
 * Pull, don't assign (peers.md): {@link #next} leases the first free task of a queue to the caller
 * with {@code SELECT … FOR UPDATE SKIP LOCKED}, so concurrent pulls never get the same row and
 * never wait on each other. A lease lasts {@link QueueSettings#lease()} and is extended by
 * heartbeats; once past its expiry the task is free for the next pull. A caller who already holds
 * a live lease of a queue gets that task again (a reloaded page does not take a second task), and
 * never gets a second slot of an image it annotated.
 */
public final class TaskQueue implements AutoCloseable {
    /** First key of the per-account advisory lock that serialises one account's pulls. */
    private static final int PULL_LOCK = 0x15_3A;
    private static final SecureRandom TOKENS = new SecureRandom();

    private final DataSource dataSource;
    private final QueueSettings settings;
    private final RandomGenerator honeypotDraw;
    private final TaskSync sync;

    public TaskQueue(DataSource dataSource, QueueSettings settings, RandomGenerator honeypotDraw) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.honeypotDraw = honeypotDraw;
        this.sync = new TaskSync(dataSource, settings.overlap());
    }

    public QueueSettings settings() {
        return settings;
    }

    /** Leases the next task of {@code kind} to {@code account}; empty when the queue has nothing for it. */
    public Optional<Lease> next(Account account, TaskKind kind) {
        long started = System.nanoTime();
        Optional<Lease> lease = pull(account, kind);
        if (lease.isEmpty() && kind != TaskKind.REVIEW) {
            sync.syncUnlessStartedAfter(started);
            lease = pull(account, kind);
        }
        return lease;
    }

    private Optional<Lease> pull(Account account, TaskKind kind) {
        boolean wantHoneypot = kind == TaskKind.ANNOTATE && settings.honeypotRate() > 0
                && honeypotDraw.nextDouble() < settings.honeypotRate();
        return Jdbc.inTransaction(dataSource, "pulling a " + kind.dbName() + " task for " + account.name(), c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                s.setInt(1, PULL_LOCK);
                s.setInt(2, (int) account.id());
                s.execute();
            }
            Optional<Long> held = first(c, "SELECT id FROM annot_task WHERE kind = ? AND state = 'open'"
                    + " AND leased_by = ? AND lease_expires > now() ORDER BY id LIMIT 1", kind, account.id());
            if (held.isPresent()) {
                return Optional.of(lease(c, held.get(), account, false));
            }
            Optional<Long> task = Optional.empty();
            if (wantHoneypot && first(c, available(kind) + " LIMIT 1", kind, account.id()).isPresent()) {
                task = honeypot(c, account);
            }
            if (task.isEmpty()) {
                task = first(c, available(kind) + " ORDER BY t.id LIMIT 1 FOR UPDATE SKIP LOCKED", kind, account.id());
            }
            return task.isEmpty() ? Optional.<Lease>empty() : Optional.of(lease(c, task.get(), account, true));
        });
    }

    /**
     * Free pipeline tasks of a kind that this account may take (parameters: kind, account id).
     * The image state and the one-slot-per-annotator rule are scalar subqueries on purpose: they
     * run per candidate row through the primary key and the (run_id, base) index while the scan
     * walks the open tasks in id order and stops at the first free one, whatever the planner's
     * statistics say about a freshly filled table.
     */
    private static String available(TaskKind kind) {
        String imageState = kind == TaskKind.VERIFY ? "GENERATED" : "APPROVED";
        String sql = "SELECT t.id FROM annot_task t WHERE t.kind = ? AND t.state = 'open' AND t.honeypot_id IS NULL"
                + " AND (t.leased_by IS NULL OR t.lease_expires < now())"
                + " AND (SELECT p.state FROM pipeline_image p WHERE p.run_id = t.run_id AND p.base = t.base) = '"
                + imageState + "'";
        if (kind == TaskKind.ANNOTATE) {
            sql += " AND (SELECT count(*) FROM annot_task o WHERE o.run_id = t.run_id AND o.base = t.base"
                    + " AND o.kind = 'annotate' AND o.id <> t.id AND (o.done_by = ?::bigint OR (o.state = 'open'"
                    + " AND o.leased_by = ?::bigint AND o.lease_expires > now()))) = 0";
        }
        return sql;
    }

    private static Optional<Long> first(Connection c, String sql, TaskKind kind, long accountId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, kind.dbName());
            int n = (int) sql.chars().filter(ch -> ch == '?').count();
            for (int i = 2; i <= n; i++) {
                s.setLong(i, accountId);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    /** A honeypot task for this account: an expired one of its own first, else a honeypot it has not seen. */
    private static Optional<Long> honeypot(Connection c, Account account) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM annot_task WHERE for_user = ? AND state = 'open'"
                + " ORDER BY id LIMIT 1")) {
            s.setLong(1, account.id());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return Optional.of(r.getLong(1));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO annot_task (kind, honeypot_id, for_user)"
                + " SELECT 'annotate', h.id, ? FROM annot_honeypot h WHERE NOT EXISTS (SELECT 1 FROM annot_task t"
                + " WHERE t.honeypot_id = h.id AND t.for_user = ?) ORDER BY random() LIMIT 1 RETURNING id")) {
            s.setLong(1, account.id());
            s.setLong(2, account.id());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Writes a lease into a locked task row: a new lease token when {@code fresh}, else the same one extended. */
    private Lease lease(Connection c, long id, Account account, boolean fresh) throws SQLException {
        String sql = fresh
                ? "UPDATE annot_task SET leased_by = ?, lease_token = ?, leased_at = now(), lease_count = lease_count + 1,"
                        + " lease_expires = now() + make_interval(secs => ?) WHERE id = ?"
                : "UPDATE annot_task SET leased_by = ?, lease_token = COALESCE(?, lease_token),"
                        + " lease_expires = now() + make_interval(secs => ?) WHERE id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, account.id());
            s.setString(2, fresh ? newToken() : null);
            s.setDouble(3, settings.lease().toMillis() / 1000.0);
            s.setLong(4, id);
            s.executeUpdate();
        }
        Task t = HeldTasks.load(c, id, false).orElseThrow();
        return new Lease(t, t.leaseToken(), t.leaseExpires());
    }

    /** Extends a held lease; the new expiry. */
    public Instant heartbeat(Account account, long taskId, String leaseToken) {
        return Jdbc.inTransaction(dataSource, "extending the lease of task " + taskId, c -> {
            HeldTasks.require(c, account, taskId, leaseToken, null);
            try (PreparedStatement s = c.prepareStatement("UPDATE annot_task SET lease_expires = now()"
                    + " + make_interval(secs => ?) WHERE id = ? RETURNING lease_expires")) {
                s.setDouble(1, settings.lease().toMillis() / 1000.0);
                s.setLong(2, taskId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getObject(1, OffsetDateTime.class).toInstant();
                }
            }
        });
    }

    /** Gives a held task back to its queue at once (the annotator skipped it). */
    public void release(Account account, long taskId, String leaseToken) {
        Jdbc.inTransaction(dataSource, "releasing task " + taskId, c -> {
            HeldTasks.require(c, account, taskId, leaseToken, null);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE annot_task SET lease_expires = now() - interval '1 millisecond' WHERE id = ?")) {
                s.setLong(1, taskId);
                return s.executeUpdate();
            }
        });
    }

    /** The task for a read by its holder (image, proposals): a live lease of {@code account}. */
    public Task held(Account account, long taskId, TaskKind kind) {
        return Jdbc.read(dataSource, "reading task " + taskId, c -> {
            Task t = HeldTasks.load(c, taskId, false).orElseThrow(() -> HeldTasks.notFound(taskId));
            HeldTasks.check(t, account, null, kind);
            return t;
        });
    }

    /** Stops the background sync. */
    @Override
    public void close() {
        sync.close();
    }

    private static String newToken() {
        byte[] b = new byte[18];
        TOKENS.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
