package org.is3.eval.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Appends to a submission's status history ({@code eval_submission_event}), inside the caller's transaction. */
final class StatusEvents {
    private StatusEvents() {
    }

    static void add(Connection c, long submissionId, String status, String detail) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO eval_submission_event (submission_id, status, detail) VALUES (?, ?, ?)")) {
            s.setLong(1, submissionId);
            s.setString(2, status);
            s.setString(3, detail);
            s.executeUpdate();
        }
    }
}
