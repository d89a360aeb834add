package org.is3.annotator.work;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.is3.annotator.auth.Account;
import org.is3.annotator.mask.MaskIou;
import org.is3.annotator.store.Jdbc;
import org.is3.annotator.task.HeldTasks;
import org.is3.annotator.task.Task;
import org.is3.annotator.task.TaskKind;
import org.is3.core.InputException;
import org.is3.core.rle.CocoRle;

/**
 * Masks submitted for an annotate task. Every submit inserts new rows (who, when, mask) and never
 * overwrites; the task is done in the same transaction, so a replayed submit is refused. A
 * honeypot submit is scored against the known masks; a pipeline submit that completes the k
 * overlapping annotations of an image either accepts the agreeing masks (image_object, ANNOTATED)
 * or opens a review task. The caller's answer is the same in every case, so honeypots and
 * agreement stay invisible to annotators.
 */
public final class Submissions {
    private final DataSource dataSource;
    private final int overlap;
    private final double agreementIou;

    public Submissions(DataSource dataSource, int overlap, double agreementIou) {
        this.dataSource = dataSource;
        this.overlap = overlap;
        this.agreementIou = agreementIou;
    }

    /** @return the ids of the new submission rows, in the order of {@code objects} */
    public List<Long> submit(Account account, long taskId, String leaseToken, List<SubmittedObject> objects) {
        return Jdbc.inTransaction(dataSource, "submitting task " + taskId, c -> {
            Task t = HeldTasks.require(c, account, taskId, leaseToken, TaskKind.ANNOTATE);
            checkCategories(t, objects);
            HeldTasks.markDone(c, account, taskId);
            List<Long> ids = new ArrayList<>();
            for (SubmittedObject o : objects) {
                ids.add(insert(c, t, account, o));
            }
            if (t.honeypot()) {
                score(c, t, account, objects, ids);
            } else {
                settle(c, t.runId(), t.base());
            }
            return ids;
        });
    }

    private static void checkCategories(Task t, List<SubmittedObject> objects) {
        Set<String> seen = new HashSet<>();
        for (SubmittedObject o : objects) {
            if (!t.categories().contains(o.category())) {
                throw new InputException("objects: category '" + o.category() + "' is not one of this image's "
                        + t.categories());
            }
            if (!seen.add(o.category())) {
                throw new InputException("objects: category '" + o.category() + "' appears twice");
            }
        }
        if (seen.size() != 2) {
            throw new InputException("objects: a submit needs a mask for each of " + t.categories());
        }
    }

    private static long insert(Connection c, Task t, Account account, SubmittedObject o) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO annot_submission (task_id, run_id, base, honeypot_id,"
                + " category, user_id, width, height, mask_rle, box_x, box_y, box_w, box_h, area, clicks)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            s.setLong(1, t.id());
            s.setObject(2, t.runId(), java.sql.Types.BIGINT);
            s.setString(3, t.base());
            s.setObject(4, t.honeypotId(), java.sql.Types.BIGINT);
            s.setString(5, o.category());
            s.setLong(6, account.id());
            s.setInt(7, o.mask().rle().width());
            s.setInt(8, o.mask().rle().height());
            s.setString(9, o.mask().rle().counts());
            s.setInt(10, o.mask().boxX());
            s.setInt(11, o.mask().boxY());
            s.setInt(12, o.mask().boxW());
            s.setInt(13, o.mask().boxH());
            s.setLong(14, o.mask().area());
            s.setInt(15, o.clicks());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void score(Connection c, Task t, Account account, List<SubmittedObject> objects, List<Long> ids)
            throws SQLException {
        Map<String, CocoRle> known = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT c1, c2, width, height, mask_c1, mask_c2 FROM annot_honeypot"
                + " WHERE id = ?")) {
            s.setLong(1, t.honeypotId());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                known.put(r.getString("c1"), CocoRle.parse(r.getInt("height"), r.getInt("width"), r.getString("mask_c1")));
                known.put(r.getString("c2"), CocoRle.parse(r.getInt("height"), r.getInt("width"), r.getString("mask_c2")));
            }
        }
        for (int i = 0; i < objects.size(); i++) {
            SubmittedObject o = objects.get(i);
            double iou = MaskIou.of(o.mask().rle().decode(), known.get(o.category()).decode());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO annot_honeypot_score (submission_id, user_id,"
                    + " honeypot_id, iou) VALUES (?, ?, ?, ?)")) {
                s.setLong(1, ids.get(i));
                s.setLong(2, account.id());
                s.setLong(3, t.honeypotId());
                s.setDouble(4, iou);
                s.executeUpdate();
            }
        }
    }

    /**
     * With the image row locked (one settlement at a time per image): once k annotate tasks of an
     * APPROVED image are done, accept the medoid masks when every category agrees, else queue a review.
     */
    private void settle(Connection c, long runId, String base) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT state FROM pipeline_image WHERE run_id = ? AND base = ? FOR UPDATE")) {
            s.setLong(1, runId);
            s.setString(2, base);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || !r.getString(1).equals("APPROVED")) {
                    return; // kept as a version; the image was accepted or moved on meanwhile
                }
            }
        }
        Map<String, List<StoredMask>> byCategory = Candidates.load(c, runId, base);
        if (byCategory.size() != 2 || byCategory.values().stream().anyMatch(l -> l.size() < overlap)) {
            return;
        }
        Map<String, StoredMask> chosen = new LinkedHashMap<>();
        Map<String, Double> ious = new LinkedHashMap<>();
        boolean agree = true;
        for (Map.Entry<String, List<StoredMask>> e : byCategory.entrySet()) {
            Agreement a = Agreement.of(e.getValue());
            chosen.put(e.getKey(), a.medoid());
            ious.put(e.getKey(), a.minIou());
            agree &= a.agrees(agreementIou);
        }
        if (agree) {
            Acceptance.accept(c, runId, base, chosen, ious, null);
        } else {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO annot_task (kind, run_id, base, slot)"
                    + " VALUES ('review', ?, ?, 0) ON CONFLICT DO NOTHING")) {
                s.setLong(1, runId);
                s.setString(2, base);
                s.executeUpdate();
            }
        }
    }
}
