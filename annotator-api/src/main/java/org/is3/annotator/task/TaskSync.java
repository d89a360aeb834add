package org.is3.annotator.task;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.is3.annotator.store.Jdbc;
import org.is3.annotator.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the task rows the pipeline's states call for (one verify task per GENERATED image, k
 * annotate slots per APPROVED image) and closes the unleased tasks whose image moved on without
 * them. Idempotent (ON CONFLICT DO NOTHING on the task keys).
 *
 * <p>A background thread syncs every second, looking only at images updated since shortly before
 * the previous sync (the pipeline sets {@code updated_at} on every transition; the margin covers
 * transactions that committed late), and at every image once a minute. A pull that finds its
 * queue empty runs the same recent-images sync at once, so new work never waits for the thread.
 */
final class TaskSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskSync.class);
    private static final long FULL_EVERY = TimeUnit.MINUTES.toNanos(1);
    private static final String MARGIN = "interval '5 seconds'";
    private static final int ANALYZE_AFTER = 1000;

    private final DataSource dataSource;
    private final int overlap;
    private final Object lock = new Object();
    private final ScheduledExecutorService timer;
    /** Database time at the start of the last sync; null before the first (which is full). */
    private OffsetDateTime lastStart;
    private long lastFull = System.nanoTime() - 2 * FULL_EVERY;
    private volatile long lastStarted = System.nanoTime() - FULL_EVERY;

    TaskSync(DataSource dataSource, int overlap) {
        this.dataSource = dataSource;
        this.overlap = overlap;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "is3-annotator-task-sync");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::background, 0, 1, TimeUnit.SECONDS);
    }

    private void background() {
        try {
            synchronized (lock) {
                sync(System.nanoTime() - lastFull > FULL_EVERY);
            }
        } catch (StoreException e) {
            LOG.warn("task sync failed, retried within a second: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("task sync failed", e);
        }
    }

    /** Syncs recent images unless a sync started after {@code since} (a nanoTime): that one saw the same rows. */
    void syncUnlessStartedAfter(long since) {
        synchronized (lock) {
            if (lastStarted - since > 0) {
                return;
            }
            sync(false);
        }
    }

    private void sync(boolean full) {
        lastStarted = System.nanoTime();
        boolean all = full || lastStart == null;
        OffsetDateTime since = lastStart;
        int created = Jdbc.inTransaction(dataSource, "creating tasks for new images", c -> {
            OffsetDateTime start = now(c);
            String recent = all ? "" : " AND p.updated_at >= ?::timestamptz - " + MARGIN;
            int n = insert(c, "INSERT INTO annot_task (kind, run_id, base, slot)"
                    + " SELECT 'verify', p.run_id, p.base, 0 FROM pipeline_image p WHERE p.state = 'GENERATED'" + recent
                    + " AND NOT EXISTS (SELECT 1 FROM annot_task t WHERE t.kind = 'verify'"
                    + " AND t.run_id = p.run_id AND t.base = p.base) ORDER BY p.run_id, p.base ON CONFLICT DO NOTHING",
                    since, null);
            n += insert(c, "INSERT INTO annot_task (kind, run_id, base, slot)"
                    + " SELECT 'annotate', p.run_id, p.base, k.slot FROM pipeline_image p"
                    + " CROSS JOIN generate_series(0, ?::int) AS k(slot) WHERE p.state = 'APPROVED'" + recent
                    + " AND NOT EXISTS (SELECT 1 FROM annot_task t WHERE t.kind = 'annotate'"
                    + " AND t.run_id = p.run_id AND t.base = p.base AND t.slot = k.slot)"
                    + " ORDER BY p.run_id, p.base, k.slot ON CONFLICT DO NOTHING", since, overlap - 1);
            insert(c, "UPDATE annot_task t SET state = 'closed' FROM pipeline_image p"
                    + " WHERE p.run_id = t.run_id AND p.base = t.base AND t.state = 'open'" + recent
                    + " AND (t.leased_by IS NULL OR t.lease_expires < now()) AND ((t.kind = 'verify'"
                    + " AND p.state <> 'GENERATED') OR (t.kind <> 'verify' AND p.state <> 'APPROVED'))", since, null);
            lastStart = start;
            return n;
        });
        if (all) {
            lastFull = lastStarted;
        }
        if (created >= ANALYZE_AFTER) {
            // a bulk of new rows: fresh statistics keep the planner on the indexes
            Jdbc.read(dataSource, "analysing the task table", c -> {
                try (PreparedStatement s = c.prepareStatement("ANALYZE annot_task")) {
                    return s.execute();
                }
            });
        }
    }

    /** Runs a statement whose parameters are, in order: the slot bound (when given), the watermark (when recent). */
    private static int insert(Connection c, String sql, OffsetDateTime since, Integer lastSlot) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (lastSlot != null) {
                s.setInt(i++, lastSlot);
            }
            if (sql.contains("p.updated_at >=")) {
                s.setObject(i, since);
            }
            return s.executeUpdate();
        }
    }

    private static OffsetDateTime now(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT now()"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getObject(1, OffsetDateTime.class);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
