package org.is3.annotator.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.is3.annotator.store.Jdbc;

/**
 * The admin page's figures: per annotator (verifications, submits, accepted objects, honeypot
 * accuracy) and per queue (waiting, leased), images per state, and the latest rejections. Only
 * admins see these; honeypot scores are never shown to the annotator who earned them.
 */
public final class Stats {
    private final DataSource dataSource;
    private final double passIou;

    /** @param passIou a honeypot object counts as passed at this IoU or above */
    public Stats(DataSource dataSource, double passIou) {
        this.dataSource = dataSource;
        this.passIou = passIou;
    }

    public Map<String, Object> snapshot() {
        return Jdbc.read(dataSource, "reading annotator statistics", c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("annotators", rows(c, "SELECT u.name, u.role,"
                    + " (SELECT count(*) FROM annot_verification v WHERE v.user_id = u.id AND v.decision = 'approve') AS approved,"
                    + " (SELECT count(*) FROM annot_verification v WHERE v.user_id = u.id AND v.decision = 'reject') AS rejected,"
                    + " (SELECT count(DISTINCT s.task_id) FROM annot_submission s WHERE s.user_id = u.id) AS submitted_tasks,"
                    + " (SELECT count(*) FROM image_object o WHERE o.source = 'annotator' AND o.accepted_by = u.name) AS accepted_objects,"
                    + " (SELECT count(*) FROM annot_honeypot_score h WHERE h.user_id = u.id) AS honeypot_objects,"
                    + " (SELECT avg(h.iou) FROM annot_honeypot_score h WHERE h.user_id = u.id) AS honeypot_mean_iou,"
                    + " (SELECT avg(CASE WHEN h.iou >= ? THEN 1.0 ELSE 0.0 END) FROM annot_honeypot_score h"
                    + " WHERE h.user_id = u.id) AS honeypot_pass_rate"
                    + " FROM annot_user u ORDER BY u.name", passIou));
            out.put("queues", rows(c, "SELECT t.kind,"
                    + " count(*) FILTER (WHERE t.leased_by IS NULL OR t.lease_expires < now()) AS waiting,"
                    + " count(*) FILTER (WHERE t.lease_expires >= now()) AS leased"
                    + " FROM annot_task t LEFT JOIN pipeline_image p ON p.run_id = t.run_id AND p.base = t.base"
                    + " WHERE t.state = 'open' AND (t.honeypot_id IS NOT NULL"
                    + " OR (t.kind = 'verify' AND p.state = 'GENERATED') OR (t.kind <> 'verify' AND p.state = 'APPROVED'))"
                    + " GROUP BY t.kind ORDER BY t.kind"));
            out.put("images", rows(c, "SELECT state, count(*) AS images FROM pipeline_image GROUP BY state ORDER BY state"));
            out.put("honeypot_pass_iou", passIou);
            out.put("recent_rejections", rows(c, "SELECT v.base, u.name AS by, v.reason, v.created_at::text AS at"
                    + " FROM annot_verification v JOIN annot_user u ON u.id = v.user_id WHERE v.decision = 'reject'"
                    + " ORDER BY v.id DESC LIMIT 20"));
            return out;
        });
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData md = r.getMetaData();
                List<Map<String, Object>> list = new ArrayList<>();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = r.getObject(i);
                        row.put(md.getColumnLabel(i), v instanceof java.math.BigDecimal d ? d.doubleValue() : v);
                    }
                    list.add(row);
                }
                return list;
            }
        }
    }
}
