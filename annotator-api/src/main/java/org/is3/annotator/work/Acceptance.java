package org.is3.annotator.work;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * The pipeline contract (V4 image_object): once both categories of an APPROVED image have an
 * accepted mask, one image_object row per category (source 'annotator', annotation_ref = the
 * accepted submission, the user who drew it, COCO RLE, tight box, area) and the image moves to
 * ANNOTATED, all in the caller's transaction.
 */
final class Acceptance {
    private Acceptance() {
    }

    /**
     * @param chosen     category → accepted submission (both categories of the image)
     * @param agreement  category → min pairwise IoU (agreement), or empty for a reviewer's choice
     * @param reviewer   the deciding reviewer's id, or null for agreement
     * @return whether the image moved to ANNOTATED (false: it had left APPROVED meanwhile)
     */
    static boolean accept(Connection c, long runId, String base, Map<String, StoredMask> chosen,
                          Map<String, Double> agreement, Long reviewer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE pipeline_image SET state = 'ANNOTATED', updated_at = now()"
                + " WHERE run_id = ? AND base = ? AND state = 'APPROVED'")) {
            s.setLong(1, runId);
            s.setString(2, base);
            if (s.executeUpdate() != 1) {
                return false;
            }
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE annot_task SET state = 'closed' WHERE run_id = ?"
                + " AND base = ? AND state = 'open' AND kind <> 'verify' AND (leased_by IS NULL OR lease_expires < now())")) {
            s.setLong(1, runId);
            s.setString(2, base);
            s.executeUpdate(); // slots nobody needs any more leave the open queue
        }
        for (Map.Entry<String, StoredMask> e : chosen.entrySet()) {
            decision(c, runId, base, e.getValue(), agreement.get(e.getKey()), reviewer);
            object(c, runId, base, e.getValue());
        }
        return true;
    }

    private static void decision(Connection c, long runId, String base, StoredMask m, Double iou, Long reviewer)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO annot_decision (run_id, base, category,"
                + " submission_id, how, agreement_iou, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, runId);
            s.setString(2, base);
            s.setString(3, m.category());
            s.setLong(4, m.id());
            s.setString(5, reviewer == null ? "agreement" : "review");
            s.setObject(6, iou, java.sql.Types.DOUBLE);
            s.setObject(7, reviewer, java.sql.Types.BIGINT);
            s.executeUpdate();
        }
    }

    private static void object(Connection c, long runId, String base, StoredMask m) throws SQLException {
        double[] box = m.rle().bbox();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO image_object (run_id, base, category, width, height,"
                + " mask_rle, box_x, box_y, box_w, box_h, area, source, annotation_ref, accepted_by, accepted_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'annotator', ?, ?, now())"
                + " ON CONFLICT (run_id, base, category) DO UPDATE SET width = EXCLUDED.width, height = EXCLUDED.height,"
                + " mask_rle = EXCLUDED.mask_rle, box_x = EXCLUDED.box_x, box_y = EXCLUDED.box_y,"
                + " box_w = EXCLUDED.box_w, box_h = EXCLUDED.box_h, area = EXCLUDED.area, source = 'annotator',"
                + " annotation_ref = EXCLUDED.annotation_ref, accepted_by = EXCLUDED.accepted_by, accepted_at = now()")) {
            s.setLong(1, runId);
            s.setString(2, base);
            s.setString(3, m.category());
            s.setInt(4, m.rle().width());
            s.setInt(5, m.rle().height());
            s.setString(6, m.rle().counts());
            s.setInt(7, (int) box[0]);
            s.setInt(8, (int) box[1]);
            s.setInt(9, (int) box[2]);
            s.setInt(10, (int) box[3]);
            s.setLong(11, m.rle().area());
            s.setLong(12, m.id());
            s.setString(13, m.userName());
            s.executeUpdate();
        }
    }
}
