package org.is3.annotator.task;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.is3.annotator.auth.Account;

/** Loading a task with its image, and checking that the caller holds its lease. */
public final class HeldTasks {
    static final String SELECT = "SELECT t.id, t.kind, t.run_id, t.base, t.honeypot_id, t.for_user, t.state, t.leased_by,"
            + " t.lease_token, t.lease_expires, (t.lease_expires IS NULL OR t.lease_expires < now()) AS expired,"
            + " COALESCE(p.c1, h.c1) AS c1, COALESCE(p.c2, h.c2) AS c2, COALESCE(p.prompt, h.prompt) AS prompt,"
            + " COALESCE(p.image_path, h.image_path) AS image_path, p.state AS image_state"
            + " FROM annot_task t LEFT JOIN pipeline_image p ON p.run_id = t.run_id AND p.base = t.base"
            + " LEFT JOIN annot_honeypot h ON h.id = t.honeypot_id WHERE t.id = ?";

    private HeldTasks() {
    }

    public static Optional<Task> load(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + (lock ? " FOR UPDATE OF t" : ""))) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(task(r)) : Optional.empty();
            }
        }
    }

    /**
     * The task, locked, when {@code account} holds its live lease {@code leaseToken} (null: any live
     * lease of the account, for reads such as the image and proposals).
     */
    public static Task require(Connection c, Account account, long id, String leaseToken, TaskKind kind)
            throws SQLException {
        Task t = load(c, id, true).orElseThrow(() -> notFound(id));
        check(t, account, leaseToken, kind);
        return t;
    }

    static void check(Task t, Account account, String leaseToken, TaskKind kind) {
        if (t.honeypot() && (t.leasedBy() == null || t.leasedBy() != account.id())) {
            throw notFound(t.id()); // another account's honeypot task must look like no task at all
        }
        if (kind != null && t.kind() != kind) {
            throw new TaskException(TaskException.Reason.WRONG_KIND, "task " + t.id() + " is a " + t.kind().dbName()
                    + " task, not " + kind.dbName());
        }
        if (t.state().equals("closed")) {
            throw new TaskException(TaskException.Reason.CONFLICT, "task " + t.id()
                    + " is no longer needed: its image moved on; pull the next task");
        }
        if (t.state().equals("done")) {
            throw new TaskException(TaskException.Reason.CONFLICT, "task " + t.id()
                    + " was already submitted; a submission is accepted once");
        }
        if (t.leasedBy() == null || t.leasedBy() != account.id()) {
            throw new TaskException(TaskException.Reason.NOT_YOURS, "task " + t.id() + " is not leased to you"
                    + " (pull work with GET /api/v1/tasks/next)");
        }
        if (leaseToken != null && !leaseToken.equals(t.leaseToken())) {
            throw new TaskException(TaskException.Reason.CONFLICT, "lease of task " + t.id()
                    + " is stale: the task was pulled again since (reload it)");
        }
        if (t.expired()) {
            throw new TaskException(TaskException.Reason.CONFLICT, "lease of task " + t.id() + " expired at "
                    + t.leaseExpires() + "; pull the next task");
        }
    }

    /** Marks a held task done by {@code account}; its lease ends. */
    public static void markDone(Connection c, Account account, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE annot_task SET state = 'done', done_by = ?,"
                + " done_at = now(), lease_expires = now() WHERE id = ? AND state = 'open'")) {
            s.setLong(1, account.id());
            s.setLong(2, id);
            if (s.executeUpdate() != 1) {
                throw new TaskException(TaskException.Reason.CONFLICT, "task " + id + " was already submitted");
            }
        }
    }

    static TaskException notFound(long id) {
        return new TaskException(TaskException.Reason.NOT_FOUND, "no task " + id);
    }

    static Task task(ResultSet r) throws SQLException {
        OffsetDateTime expires = r.getObject("lease_expires", OffsetDateTime.class);
        long leasedBy = r.getLong("leased_by");
        Long leased = r.wasNull() ? null : leasedBy;
        long runId = r.getLong("run_id");
        Long run = r.wasNull() ? null : runId;
        long hp = r.getLong("honeypot_id");
        Long honeypot = r.wasNull() ? null : hp;
        return new Task(r.getLong("id"), TaskKind.fromName(r.getString("kind")), run, r.getString("base"), honeypot,
                r.getString("state"), leased, r.getString("lease_token"), expires == null ? null : expires.toInstant(),
                r.getBoolean("expired"), r.getString("c1"), r.getString("c2"), r.getString("prompt"),
                r.getString("image_path"), r.getString("image_state"));
    }
}
