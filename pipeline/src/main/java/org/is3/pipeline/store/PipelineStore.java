package org.is3.pipeline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.is3.core.InputException;
import org.is3.pipeline.plan.PlannedImage;

/**
 * The pipeline tables of the V3 migration, over plain JDBC. Every write is idempotent: planning a
 * run twice finds the run and inserts no image twice; an image becomes GENERATED only from PLANNED,
 * so a redelivered message changes nothing.
 */
public final class PipelineStore {

    private static final String IMAGE_COLUMNS = "run_id, base, c1, c2, prompt, seed, state, generator,"
            + " generator_version, params::text, timing_ms, image_path, error, verified_by, auto_annotated";

    private final DataSource dataSource;

    public PipelineStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The id of run {@code name}, created with {@code configYaml} if it does not exist.
     *
     * @throws InputException when a run of that name exists with another config
     */
    public long createRun(String name, long seed, String configYaml) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO pipeline_run (name, config, seed)"
                    + " VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING id")) {
                insert.setString(1, name);
                insert.setString(2, configYaml);
                insert.setLong(3, seed);
                try (ResultSet rs = insert.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
            try (PreparedStatement find = c.prepareStatement("SELECT id, config FROM pipeline_run WHERE name = ?")) {
                find.setString(1, name);
                try (ResultSet rs = find.executeQuery()) {
                    rs.next();
                    if (!rs.getString(2).equals(configYaml)) {
                        throw new InputException("run '" + name + "' already exists with another config;"
                                + " give the new run another name");
                    }
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw failure("creating run " + name, e);
        }
    }

    /** The id of the run called {@code name}. */
    public Optional<Long> runId(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT id FROM pipeline_run WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("finding run " + name, e);
        }
    }

    /** Every run's name by id, oldest first. */
    public Map<Long, String> runs() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT id, name FROM pipeline_run ORDER BY id")) {
            Map<Long, String> out = new java.util.LinkedHashMap<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("listing runs", e);
        }
    }

    /** The stored YAML of a run. */
    public Optional<String> runConfig(long runId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT config FROM pipeline_run WHERE id = ?")) {
            q.setLong(1, runId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading run " + runId, e);
        }
    }

    /** Inserts the images not yet in the run; returns how many were new. */
    public int insertPlanned(long runId, String generator, List<PlannedImage> images) {
        String sql = "INSERT INTO pipeline_image (run_id, base, c1, c2, prompt, seed, generator)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, base) DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            for (PlannedImage p : images) {
                s.setLong(1, runId);
                s.setString(2, p.base());
                s.setString(3, p.c1());
                s.setString(4, p.c2());
                s.setString(5, p.prompt());
                s.setLong(6, p.seed());
                s.setString(7, generator);
                s.addBatch();
            }
            int inserted = 0;
            for (int n : s.executeBatch()) {
                inserted += Math.max(n, 0);
            }
            c.commit();
            return inserted;
        } catch (SQLException e) {
            throw failure("inserting " + images.size() + " planned images of run " + runId, e);
        }
    }

    public Optional<StoredImage> image(long runId, String base) {
        List<StoredImage> found = query("SELECT " + IMAGE_COLUMNS + " FROM pipeline_image"
                + " WHERE run_id = ? AND base = ?", runId, base);
        return found.stream().findFirst();
    }

    /** The run's images in plan order ({@code <n>} of the base). */
    public List<StoredImage> images(long runId) {
        return query("SELECT " + IMAGE_COLUMNS + " FROM pipeline_image WHERE run_id = ?"
                + " ORDER BY substring(base from '[0-9]+$')::bigint", runId, null);
    }

    /**
     * Records a generation: PLANNED → GENERATED, the error cleared. Returns false, changing nothing,
     * when the image was not PLANNED (already generated by an earlier delivery).
     */
    public boolean markGenerated(long runId, String base, String version, String paramsJson, long timingMs,
                                 String imagePath) {
        return markGenerated(runId, base, version, paramsJson, timingMs, imagePath, null);
    }

    /**
     * As {@link #markGenerated(long, String, String, String, long, String)}, and with {@code autoObjects}
     * (not null) also accepts the generator's masks and marks the image ANNOTATED in the same
     * transaction, so no crash can leave an auto-annotated run's image stuck in GENERATED.
     */
    public boolean markGenerated(long runId, String base, String version, String paramsJson, long timingMs,
                                 String imagePath, List<ObjectStore.NewObject> autoObjects) {
        String sql = "UPDATE pipeline_image SET state = 'GENERATED', generator_version = ?, params = ?::jsonb,"
                + " timing_ms = ?, image_path = ?, error = NULL, updated_at = now()"
                + " WHERE run_id = ? AND base = ? AND state = 'PLANNED'";
        return Transactions.run(dataSource, "marking " + base + " of run " + runId + " GENERATED", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, version);
                s.setString(2, paramsJson);
                s.setLong(3, timingMs);
                s.setString(4, imagePath);
                s.setLong(5, runId);
                s.setString(6, base);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            if (autoObjects != null) {
                ObjectStore.autoAnnotate(c, runId, base, autoObjects);
            }
            return true;
        });
    }

    /** Records why the last attempt at an image's next stage failed; its state stays. */
    public void markFailed(long runId, String base, String error) {
        String sql = "UPDATE pipeline_image SET error = ?, updated_at = now() WHERE run_id = ? AND base = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, error);
            s.setLong(2, runId);
            s.setString(3, base);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("recording the failure of " + base + " of run " + runId, e);
        }
    }

    /**
     * Clears the recorded failures of a run before its images are queued again, and returns its
     * ANNOTATED images to the pairing feed (a dead-lettered pairing is tried again).
     */
    public void clearFailures(long runId) {
        String sql = "UPDATE pipeline_image SET error = NULL, pair_queued_at = NULL, updated_at = now()"
                + " WHERE run_id = ? AND (error IS NOT NULL OR state = 'ANNOTATED')";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("clearing the failures of run " + runId, e);
        }
    }

    public RunCounts counts(long runId) {
        String sql = "SELECT state, count(*), count(error) FROM pipeline_image WHERE run_id = ? GROUP BY state";
        Map<ImageState, Integer> byState = new EnumMap<>(ImageState.class);
        Map<ImageState, Integer> failed = new EnumMap<>(ImageState.class);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ImageState state = ImageState.valueOf(rs.getString(1));
                    byState.put(state, rs.getInt(2));
                    if (rs.getInt(3) > 0) {
                        failed.put(state, rs.getInt(3));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("counting the images of run " + runId, e);
        }
        return new RunCounts(byState, failed);
    }

    private List<StoredImage> query(String sql, long runId, String base) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            if (base != null) {
                s.setString(2, base);
            }
            List<StoredImage> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("reading images of run " + runId, e);
        }
    }

    private static StoredImage row(ResultSet rs) throws SQLException {
        PlannedImage planned = new PlannedImage(rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getLong(6));
        long timing = rs.getLong(11);
        Long timingMs = rs.wasNull() ? null : timing;
        return new StoredImage(rs.getLong(1), planned, ImageState.valueOf(rs.getString(7)), rs.getString(8),
                rs.getString(9), rs.getString(10), timingMs, rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getBoolean(15));
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return Transactions.failure(what, e);
    }
}
