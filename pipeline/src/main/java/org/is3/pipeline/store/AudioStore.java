package org.is3.pipeline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The pairing side of the pipeline (table {@code pipeline_audio}, migration V6): which ANNOTATED
 * images wait for the pairing queue, and the clips each instance got (ANNOTATED → PAIRED).
 */
public final class AudioStore {

    private static final String COLUMNS = "base, audio_id, instance, kind, category, source, provenance::text,"
            + " path, samples";

    private final DataSource dataSource;

    public AudioStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims up to {@code limit} ANNOTATED images of any run that are not on the pairing queue yet and
     * marks them queued. Concurrent callers (several workers) never claim the same image.
     */
    public List<ImageKey> claimForPairing(int limit) {
        String sql = "UPDATE pipeline_image SET pair_queued_at = now() WHERE (run_id, base) IN ("
                + " SELECT run_id, base FROM pipeline_image WHERE state = 'ANNOTATED' AND pair_queued_at IS NULL"
                + " ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING run_id, base";
        return Transactions.run(dataSource, "claiming annotated images for pairing", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(1, limit);
                List<ImageKey> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ImageKey(rs.getLong(1), rs.getString(2)));
                    }
                }
                return out;
            }
        });
    }

    /** Puts claimed images back, e.g. when sending their messages failed. */
    public void unclaim(List<ImageKey> keys) {
        Transactions.run(dataSource, "returning " + keys.size() + " images to the pairing feed", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE pipeline_image SET pair_queued_at = NULL"
                    + " WHERE run_id = ? AND base = ? AND state = 'ANNOTATED'")) {
                for (ImageKey k : keys) {
                    s.setLong(1, k.runId());
                    s.setString(2, k.base());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /**
     * Records an image's clips and marks it PAIRED, in one transaction. Returns false, changing
     * nothing, when the image was not ANNOTATED (already paired by an earlier delivery).
     */
    public boolean recordPairing(long runId, String base, List<StoredAudio> clips) {
        return Transactions.run(dataSource, "recording the audio of " + base + " of run " + runId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE pipeline_image SET state = 'PAIRED',"
                    + " updated_at = now() WHERE run_id = ? AND base = ? AND state = 'ANNOTATED'")) {
                s.setLong(1, runId);
                s.setString(2, base);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            insert(c, runId, clips);
            return true;
        });
    }

    /** The clips of an image's instances, positives first within each instance. */
    public List<StoredAudio> audio(long runId, String base) {
        String sql = "SELECT " + COLUMNS + " FROM pipeline_audio WHERE run_id = ? AND base = ?"
                + " ORDER BY instance, array_position(ARRAY['positive','silence','noise','offscreen'], kind)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            s.setString(2, base);
            List<StoredAudio> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredAudio(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Transactions.failure("reading the audio of " + base + " of run " + runId, e);
        }
    }

    static void insert(Connection c, long runId, List<StoredAudio> clips) throws SQLException {
        String sql = "INSERT INTO pipeline_audio (run_id, base, audio_id, instance, kind, category, source,"
                + " provenance, path, samples) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                + " ON CONFLICT (run_id, audio_id) DO NOTHING";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (StoredAudio a : clips) {
                s.setLong(1, runId);
                s.setString(2, a.base());
                s.setString(3, a.audioId());
                s.setString(4, a.instance());
                s.setString(5, a.kind());
                s.setString(6, a.category());
                s.setString(7, a.source());
                s.setString(8, a.provenanceJson());
                s.setString(9, a.path());
                s.setInt(10, a.samples());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
