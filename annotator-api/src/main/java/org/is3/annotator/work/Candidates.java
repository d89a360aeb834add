package org.is3.annotator.work;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.is3.core.rle.CocoRle;

/** The masks of an image's completed annotate tasks, per category, oldest first. */
final class Candidates {
    private Candidates() {
    }

    static Map<String, List<StoredMask>> load(Connection c, long runId, String base) throws SQLException {
        Map<String, List<StoredMask>> byCategory = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT s.id, s.task_id, s.category, s.user_id, u.name,"
                + " s.width, s.height, s.mask_rle FROM annot_submission s JOIN annot_task t ON t.id = s.task_id"
                + " JOIN annot_user u ON u.id = s.user_id WHERE t.kind = 'annotate' AND t.state = 'done'"
                + " AND t.run_id = ? AND t.base = ? ORDER BY s.id")) {
            s.setLong(1, runId);
            s.setString(2, base);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    CocoRle rle = new CocoRle(r.getInt("height"), r.getInt("width"), r.getString("mask_rle"));
                    byCategory.computeIfAbsent(r.getString("category"), k -> new ArrayList<>())
                            .add(new StoredMask(r.getLong("id"), r.getLong("task_id"), r.getString("category"),
                                    r.getLong("user_id"), r.getString("name"), rle));
                }
            }
        }
        return byCategory;
    }
}
