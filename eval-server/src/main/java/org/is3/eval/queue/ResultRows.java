package org.is3.eval.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Writes a submission's {@code eval_result} and {@code eval_sample_result} rows, inside the caller's transaction. */
final class ResultRows {
    private ResultRows() {
    }

    static void insert(Connection c, long submissionId, List<ScoredSplit> results) throws SQLException {
        try (PreparedStatement metrics = c.prepareStatement(
                "INSERT INTO eval_result (submission_id, split_id, metrics) VALUES (?, ?, ?::jsonb)");
             PreparedStatement samples = c.prepareStatement("INSERT INTO eval_sample_result"
                     + " (submission_id, split_id, sample_id, ciou, ciou_adap) VALUES (?, ?, ?, ?, ?)")) {
            for (ScoredSplit r : results) {
                metrics.setLong(1, submissionId);
                metrics.setLong(2, r.splitId());
                metrics.setString(3, r.metricsJson());
                metrics.addBatch();
                for (ScoredSample s : r.samples()) {
                    samples.setLong(1, submissionId);
                    samples.setLong(2, r.splitId());
                    samples.setString(3, s.sampleId());
                    setScore(samples, 4, s.ciou());
                    setScore(samples, 5, s.ciouAdaptive());
                    samples.addBatch();
                }
            }
            metrics.executeBatch();
            samples.executeBatch();
        }
    }

    /** SQL NULL for NaN, as the metrics JSON writes null (core ScoreJson). */
    private static void setScore(PreparedStatement s, int index, double v) throws SQLException {
        if (Double.isNaN(v)) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, v);
        }
    }

    /** Removes earlier results before a re-run. */
    static void delete(Connection c, long submissionId) throws SQLException {
        for (String table : List.of("eval_sample_result", "eval_result")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE submission_id = ?")) {
                s.setLong(1, submissionId);
                s.executeUpdate();
            }
        }
    }
}
