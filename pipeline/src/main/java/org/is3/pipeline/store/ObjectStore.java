package org.is3.pipeline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.is3.core.rle.CocoRle;

/**
 * The accepted objects of images (table {@code image_object}, migration V4) and the transitions that
 * come with them: auto-annotation (GENERATED → ANNOTATED with the generator's exact masks, see
 * {@link PipelineStore#markGenerated}) and import (straight to ANNOTATED). The annotator writes the same table for human masks.
 */
public final class ObjectStore {

    /** An object to accept: its category and mask. */
    public record NewObject(String category, CocoRle mask) {
    }

    private final DataSource dataSource;

    public ObjectStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Accepts the generator's masks for a GENERATED image and marks it ANNOTATED (auto-annotated,
     * verified by {@code auto}) on the caller's transaction.
     */
    static void autoAnnotate(Connection c, long runId, String base, List<NewObject> objects) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE pipeline_image SET state = 'ANNOTATED',"
                + " auto_annotated = true, verified_by = 'auto', verified_at = now(), updated_at = now()"
                + " WHERE run_id = ? AND base = ? AND state = 'GENERATED'")) {
            s.setLong(1, runId);
            s.setString(2, base);
            s.executeUpdate();
        }
        insert(c, runId, base, objects, "auto", "auto");
    }

    /** Inserts the objects of an image imported already annotated; existing rows are kept. */
    public void insertImported(Connection c, long runId, String base, List<NewObject> objects) throws SQLException {
        insert(c, runId, base, objects, "import", "import");
    }

    /** The accepted objects of an image, by category name. */
    public List<StoredObject> objects(long runId, String base) {
        String sql = "SELECT base, category, width, height, mask_rle, box_x, box_y, box_w, box_h, area, source,"
                + " accepted_by FROM image_object WHERE run_id = ? AND base = ? ORDER BY category";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            s.setString(2, base);
            List<StoredObject> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    CocoRle rle = CocoRle.parse(rs.getInt(4), rs.getInt(3), rs.getString(5),
                            "image_object " + base + "/" + rs.getString(2));
                    out.add(new StoredObject(rs.getString(1), rs.getString(2), rle,
                            new int[] {rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)}, rs.getLong(10),
                            rs.getString(11), rs.getString(12)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Transactions.failure("reading the objects of " + base + " of run " + runId, e);
        }
    }

    private static void insert(Connection c, long runId, String base, List<NewObject> objects, String source,
                               String by) throws SQLException {
        String sql = "INSERT INTO image_object (run_id, base, category, width, height, mask_rle, box_x, box_y,"
                + " box_w, box_h, area, source, accepted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (run_id, base, category) DO NOTHING";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (NewObject o : objects) {
                double[] box = o.mask().bbox();
                s.setLong(1, runId);
                s.setString(2, base);
                s.setString(3, o.category());
                s.setInt(4, o.mask().width());
                s.setInt(5, o.mask().height());
                s.setString(6, o.mask().counts());
                for (int k = 0; k < 4; k++) {
                    s.setInt(7 + k, (int) box[k]);
                }
                s.setLong(11, o.mask().area());
                s.setString(12, source);
                s.setString(13, by);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
