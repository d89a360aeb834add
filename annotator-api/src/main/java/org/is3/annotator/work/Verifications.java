package org.is3.annotator.work;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.is3.annotator.auth.Account;
import org.is3.annotator.store.Jdbc;
import org.is3.annotator.task.HeldTasks;
import org.is3.annotator.task.Task;
import org.is3.annotator.task.TaskException;
import org.is3.annotator.task.TaskKind;
import org.is3.core.InputException;

/**
 * Approve or reject a GENERATED image (pipeline contract): the verification is recorded as given,
 * and the image moves to APPROVED (verified_by/at) or REJECTED (with the reason) by a conditional
 * UPDATE from GENERATED only, in the same transaction as the task's completion.
 */
public final class Verifications {
    public static final int MAX_REASON = 500;
    private final DataSource dataSource;

    public Verifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the id of the recorded verification */
    public long decide(Account account, long taskId, String leaseToken, boolean approve, String reason) {
        String why = approve ? null : checkedReason(reason);
        return Jdbc.inTransaction(dataSource, "verifying task " + taskId, c -> {
            Task t = HeldTasks.require(c, account, taskId, leaseToken, TaskKind.VERIFY);
            try (PreparedStatement s = c.prepareStatement("UPDATE pipeline_image SET state = ?, verified_by = ?,"
                    + " verified_at = now(), reject_reason = ?, updated_at = now()"
                    + " WHERE run_id = ? AND base = ? AND state = 'GENERATED'")) {
                s.setString(1, approve ? "APPROVED" : "REJECTED");
                s.setString(2, account.name());
                s.setString(3, why);
                s.setLong(4, t.runId());
                s.setString(5, t.base());
                if (s.executeUpdate() != 1) {
                    throw new TaskException(TaskException.Reason.CONFLICT, "the image of task " + taskId
                            + " is no longer waiting for verification (state " + t.imageState() + ")");
                }
            }
            HeldTasks.markDone(c, account, taskId);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO annot_verification (task_id, run_id, base,"
                    + " user_id, decision, reason) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                s.setLong(1, taskId);
                s.setLong(2, t.runId());
                s.setString(3, t.base());
                s.setLong(4, account.id());
                s.setString(5, approve ? "approve" : "reject");
                s.setString(6, why);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    /** A reject reason: 1..500 characters, no control characters (it is shown on pages, escaped). */
    static String checkedReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InputException("reason: a rejection needs a reason (e.g. 'only one object', 'artefacts')");
        }
        String r = reason.strip();
        if (r.length() > MAX_REASON) {
            throw new InputException("reason: at most " + MAX_REASON + " characters, got " + r.length());
        }
        for (int i = 0; i < r.length(); i++) {
            if (Character.isISOControl(r.charAt(i))) {
                throw new InputException("reason: control character at position " + i);
            }
        }
        return r;
    }
}
