package org.is3.pipeline.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;

/** Releases of a run (table {@code pipeline_release}, migration V6) and the RELEASED transition. */
public final class ReleaseStore {

    /** What a written release holds. */
    public record Release(long runId, int version, String path, int images, int instances, String manifestSha256) {
    }

    private final DataSource dataSource;

    public ReleaseStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The version the next release of the run gets: one more than the last, starting at 1. */
    public int nextVersion(long runId) {
        return Transactions.run(dataSource, "reading the releases of run " + runId, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT coalesce(max(version), 0) + 1 FROM pipeline_release WHERE run_id = ?")) {
                s.setLong(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * Records a written release and marks its images RELEASED with its version, in one transaction.
     * Images released before keep RELEASED and get the new version: they are in it.
     *
     * @throws IllegalStateException when that version was recorded meanwhile (two exports at once)
     */
    public void record(Release release, List<String> bases) {
        Transactions.run(dataSource, "recording release v" + release.version() + " of run " + release.runId(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pipeline_release (run_id, version, path,"
                    + " images, instances, manifest_sha256) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, release.runId());
                s.setInt(2, release.version());
                s.setString(3, release.path());
                s.setInt(4, release.images());
                s.setInt(5, release.instances());
                s.setString(6, release.manifestSha256());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE pipeline_image SET state = 'RELEASED',"
                    + " release = ?, updated_at = now() WHERE run_id = ? AND base = ?"
                    + " AND state IN ('PAIRED', 'RELEASED')")) {
                for (String base : bases) {
                    s.setInt(1, release.version());
                    s.setLong(2, release.runId());
                    s.setString(3, base);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }
}
