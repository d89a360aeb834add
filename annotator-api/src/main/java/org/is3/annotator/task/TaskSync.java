package org.is3.annotator.task;

import java.sql.PreparedStatement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.is3.annotator.store.Jdbc;
import org.is3.annotator.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the task rows the pipeline's states call for: one verify task per GENERATED image and k
 * annotate slots per APPROVED image. Idempotent (ON CONFLICT DO NOTHING on the task keys); run at
 * most once a second in the background of pulls, and at once when a pull found nothing.
 */
final class TaskSync {
    private static final Logger LOG = LoggerFactory.getLogger(TaskSync.class);
    private static final long PERIOD = TimeUnit.SECONDS.toNanos(1);
    private static final int ANALYZE_AFTER = 1000;
    /** Unleased open tasks whose image left the state their queue serves (moved on without them). */
    static final String CLOSE_STALE = "UPDATE annot_task t SET state = 'closed' FROM pipeline_image p"
            + " WHERE p.run_id = t.run_id AND p.base = t.base AND t.state = 'open'"
            + " AND (t.leased_by IS NULL OR t.lease_expires < now())"
            + " AND ((t.kind = 'verify' AND p.state <> 'GENERATED') OR (t.kind <> 'verify' AND p.state <> 'APPROVED'))";
    private final DataSource dataSource;
    private final int overlap;
    private final Object lock = new Object();
    private volatile long lastStarted = System.nanoTime() - 2 * PERIOD;

    TaskSync(DataSource dataSource, int overlap) {
        this.dataSource = dataSource;
        this.overlap = overlap;
    }

    /**
     * Syncs unless one started within the last second. A failure (e.g. the database chose this
     * sync as a deadlock victim) is logged and left to the next sync: the pull goes on.
     */
    void periodic() {
        if (System.nanoTime() - lastStarted > PERIOD) {
            try {
                syncUnlessStartedAfter(System.nanoTime() - PERIOD);
            } catch (StoreException e) {
                LOG.warn("task sync failed, retried within a second: {}", e.getMessage());
            }
        }
    }

    /** Syncs unless another sync started after {@code since} (a nanoTime): then it saw the same rows. */
    void syncUnlessStartedAfter(long since) {
        synchronized (lock) {
            if (lastStarted - since > 0) {
                return;
            }
            lastStarted = System.nanoTime();
            int created = Jdbc.inTransaction(dataSource, "creating tasks for new images", c -> {
                int inserted;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO annot_task (kind, run_id, base, slot)"
                        + " SELECT 'verify', p.run_id, p.base, 0 FROM pipeline_image p WHERE p.state = 'GENERATED'"
                        + " AND NOT EXISTS (SELECT 1 FROM annot_task t WHERE t.kind = 'verify'"
                        + " AND t.run_id = p.run_id AND t.base = p.base) ORDER BY p.run_id, p.base"
                        + " ON CONFLICT DO NOTHING")) {
                    inserted = s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO annot_task (kind, run_id, base, slot)"
                        + " SELECT 'annotate', p.run_id, p.base, k.slot FROM pipeline_image p"
                        + " CROSS JOIN generate_series(0, ?) AS k(slot) WHERE p.state = 'APPROVED'"
                        + " AND NOT EXISTS (SELECT 1 FROM annot_task t WHERE t.kind = 'annotate'"
                        + " AND t.run_id = p.run_id AND t.base = p.base AND t.slot = k.slot)"
                        + " ORDER BY p.run_id, p.base, k.slot ON CONFLICT DO NOTHING")) {
                    s.setInt(1, overlap - 1);
                    inserted += s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(CLOSE_STALE)) {
                    s.executeUpdate();
                }
                return inserted;
            });
            if (created >= ANALYZE_AFTER) {
                // a bulk of new rows: fresh statistics keep the planner on the indexes
                Jdbc.read(dataSource, "analysing the task table", c -> {
                    try (PreparedStatement s = c.prepareStatement("ANALYZE annot_task")) {
                        return s.execute();
                    }
                });
            }
        }
    }
}
