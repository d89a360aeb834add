package org.is3.eval.worker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GtMap;
import org.is3.eval.store.GtCompression;

/**
 * Eval rows inserted with plain SQL for the queue and worker tests (benchmarks, splits with
 * deflated GT, a team, a phase, queued submissions), and read back the way a test checks them.
 */
public final class EvalRows {
    private final DataSource db;

    public EvalRows(DataSource db) {
        this.db = db;
    }

    /** Empties every eval table. */
    public void clear() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE eval_benchmark, eval_team RESTART IDENTITY CASCADE");
        }
    }

    public long benchmark(String name, String protocol, double tau) throws SQLException {
        return insert("INSERT INTO eval_benchmark (name, gt_format, protocol, tau) VALUES (?, 'is3', ?, ?) RETURNING id",
                name, protocol, tau);
    }

    /** A split with its samples at positions 0.. in list order. */
    public long split(long benchmark, String name, String visibility, List<GroundTruth> samples) throws SQLException {
        long split = insert("INSERT INTO eval_split (benchmark_id, name, visibility) VALUES (?, ?, ?) RETURNING id",
                benchmark, name, visibility);
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO eval_sample"
                + " (split_id, position, sample_id, kind, box_count, gt) VALUES (?, ?, ?, ?, ?, ?)");
             GtCompression compression = new GtCompression()) {
            for (int i = 0; i < samples.size(); i++) {
                GroundTruth g = samples.get(i);
                s.setLong(1, split);
                s.setInt(2, i);
                s.setString(3, g.id());
                s.setString(4, g.kind().name().toLowerCase(Locale.ROOT));
                s.setInt(5, g.boxCount());
                s.setBytes(6, compression.deflate(g.map()));
                s.addBatch();
            }
            s.executeBatch();
        }
        return split;
    }

    /** A map in its stored form ({@code eval_sample.gt}). */
    public static byte[] deflate(GtMap map) {
        try (GtCompression compression = new GtCompression()) {
            return compression.deflate(map);
        }
    }

    public long team(String name) throws SQLException {
        return insert("INSERT INTO eval_team (name, role) VALUES (?, 'member') RETURNING id", name);
    }

    public long phase(long benchmark) throws SQLException {
        return insert("INSERT INTO eval_phase (benchmark_id, name, opens_at, daily_quota, total_quota, failed_quota)"
                + " VALUES (?, 'main', now() - interval '1 day', 100, 100, 100) RETURNING id", benchmark);
    }

    /** A queued submission (with its 'queued' event), created now. */
    public long submission(long team, long phase, String filePath) throws SQLException {
        long id = insert("INSERT INTO eval_submission (team_id, phase_id, method, file_path, file_bytes, status)"
                + " VALUES (?, ?, 'test method', ?, 0, 'queued') RETURNING id", team, phase, filePath);
        insert("INSERT INTO eval_submission_event (submission_id, status, detail) VALUES (?, 'queued', 'accepted')"
                + " RETURNING id", id);
        return id;
    }

    public String status(long submission) throws SQLException {
        return text("SELECT status FROM eval_submission WHERE id = ?", submission);
    }

    public String error(long submission) throws SQLException {
        return text("SELECT error FROM eval_submission WHERE id = ?", submission);
    }

    public int attempts(long submission) throws SQLException {
        return Integer.parseInt(text("SELECT attempts::text FROM eval_submission WHERE id = ?", submission));
    }

    public String leaseOwner(long submission) throws SQLException {
        return text("SELECT lease_owner FROM eval_submission WHERE id = ?", submission);
    }

    /** The status history as "status: detail" lines, oldest first. */
    public List<String> events(long submission) throws SQLException {
        return texts("SELECT status || ': ' || coalesce(detail, '') FROM eval_submission_event"
                + " WHERE submission_id = ? ORDER BY id", submission);
    }

    public int resultRows(long submission) throws SQLException {
        return Integer.parseInt(text("SELECT count(*)::text FROM eval_result WHERE submission_id = ?", submission));
    }

    public int sampleResultRows(long submission, long split) throws SQLException {
        return Integer.parseInt(text("SELECT count(*)::text FROM eval_sample_result WHERE submission_id = ?"
                + " AND split_id = ?", submission, split));
    }

    /** The stored metrics JSON of one split, or null. */
    public String metrics(long submission, long split) throws SQLException {
        return text("SELECT metrics::text FROM eval_result WHERE submission_id = ? AND split_id = ?", submission, split);
    }

    /** (ciou, ciou_adap) of one stored dev sample; NULL reads as NaN. */
    public double[] sampleScores(long submission, long split, String sample) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT ciou, ciou_adap"
                + " FROM eval_sample_result WHERE submission_id = ? AND split_id = ? AND sample_id = ?")) {
            bind(s, submission, split, sample);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                double ciou = r.getDouble(1);
                ciou = r.wasNull() ? Double.NaN : ciou;
                double adap = r.getDouble(2);
                adap = r.wasNull() ? Double.NaN : adap;
                return new double[] {ciou, adap};
            }
        }
    }

    public void execute(String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        }
    }

    private long insert(String sql, Object... args) throws SQLException {
        return Long.parseLong(text(sql, args));
    }

    private String text(String sql, Object... args) throws SQLException {
        List<String> rows = texts(sql, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<String> texts(String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (r.next()) {
                    out.add(r.getString(1));
                }
                return out;
            }
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
