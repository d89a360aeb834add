package org.is3.eval.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.is3.eval.store.EvalStoreException;
import org.is3.eval.store.Jdbc;
import org.is3.eval.store.SubmissionStatus;
import org.is3.eval.store.Submissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable scoring queue: the {@code eval_submission} rows themselves (V2__eval.sql). A worker
 * claims the oldest submission that is queued, or running under a lease that has run out (its
 * worker died), with {@code FOR UPDATE SKIP LOCKED}, so concurrent workers never take the same
 * row and never wait on each other. Each claim counts an attempt; after {@code maxAttempts} the
 * submission fails instead of being claimed again.
 *
 * <p>Every later write for a claim is guarded by the claim's token (lease owner and attempt) and
 * the status {@code running}, in the same statement that changes the row: a worker that lost its
 * lease can neither extend it nor write a result, so a submission is scored exactly once even when
 * a stale worker finishes late. Each status change adds a row to the submission's history
 * ({@code eval_submission_event}) in the same transaction.
 *
 * <p>Times are the database's ({@code now()}), so workers on machines with skewed clocks agree.
 */
public final class SubmissionQueue {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionQueue.class);

    /** The guard of every write for a claim: still this claim's row, still running. */
    private static final String OWNED = " WHERE id = ? AND lease_owner = ? AND attempts = ? AND status = 'running'";

    /**
     * Oldest first; a running row qualifies only once its lease has run out. Written so the partial
     * index {@code eval_submission_queue_idx} serves it.
     */
    private static final String NEXT = "SELECT s.id, s.status, s.attempts, s.lease_owner, s.error, s.file_path,"
            + " s.upsampled_from IS NOT NULL, p.benchmark_id FROM eval_submission s JOIN eval_phase p ON p.id = s.phase_id"
            + " WHERE s.status IN ('queued', 'running')"
            + " AND (s.status = 'queued' OR s.lease_until IS NULL OR s.lease_until < now())"
            + " ORDER BY s.created_at, s.id LIMIT 1 FOR UPDATE OF s SKIP LOCKED";

    private final DataSource dataSource;
    private final int maxAttempts;

    /**
     * @param maxAttempts how many claims a submission gets before it fails ("gave up after N attempts")
     */
    public SubmissionQueue(DataSource dataSource, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be ≥ 1, got " + maxAttempts);
        }
        this.dataSource = dataSource;
        this.maxAttempts = maxAttempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Claims the oldest claimable submission for {@code workerId} until {@code now() + lease}.
     * Submissions out of attempts that come first are marked failed on the way.
     *
     * @return the claim, or empty when nothing is claimable
     */
    public Optional<Claim> claim(String workerId, Duration lease) {
        requirePositive(lease);
        return inTransaction("claiming a submission for " + workerId, c -> {
            while (true) {
                try (PreparedStatement s = c.prepareStatement(NEXT); ResultSet row = s.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Candidate next = new Candidate(row.getLong(1), row.getString(2), row.getInt(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getBoolean(7), row.getLong(8));
                    if (next.attempts() >= maxAttempts) {
                        giveUp(c, next);
                        continue;
                    }
                    return Optional.of(take(c, next, workerId, lease));
                }
            }
        });
    }

    /** A row as the claim query found it. */
    private record Candidate(long id, String status, int attempts, String leaseOwner, String error,
                             String filePath, boolean upsample, long benchmarkId) {
        boolean leaseExpired() {
            return status.equals("running");
        }
    }

    private Claim take(Connection c, Candidate next, String workerId, Duration lease) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE eval_submission SET status = 'running',"
                + " lease_owner = ?, lease_until = now() + ? * interval '1 millisecond', attempts = attempts + 1"
                + " WHERE id = ?")) {
            s.setString(1, workerId);
            s.setLong(2, lease.toMillis());
            s.setLong(3, next.id());
            s.executeUpdate();
        }
        int attempt = next.attempts() + 1;
        String detail = "attempt " + attempt + " by " + workerId
                + (next.leaseExpired() ? "; requeued after the lease of " + next.leaseOwner() + " expired" : "");
        event(c, next.id(), SubmissionStatus.RUNNING, detail);
        LOG.info("submission={} event=claimed worker={} attempt={} requeued={}", next.id(), workerId, attempt,
                next.leaseExpired());
        return new Claim(next.id(), next.benchmarkId(), next.filePath(), next.upsample(), workerId, attempt,
                lease);
    }

    private void giveUp(Connection c, Candidate next) throws SQLException {
        String reason = "gave up after " + next.attempts() + (next.attempts() == 1 ? " attempt" : " attempts")
                + (next.error() != null ? " (last error: " + next.error() + ")"
                : next.leaseExpired() ? " (the lease of " + next.leaseOwner() + " expired)" : "");
        try (PreparedStatement s = c.prepareStatement("UPDATE eval_submission SET status = 'failed', error = ?,"
                + " lease_until = NULL, finished_at = now() WHERE id = ?")) {
            s.setString(1, reason);
            s.setLong(2, next.id());
            s.executeUpdate();
        }
        event(c, next.id(), SubmissionStatus.FAILED, reason);
        LOG.warn("submission={} event=failed reason=\"{}\"", next.id(), oneLine(reason));
    }

    /**
     * Extends the lease by {@link Claim#lease()} from now.
     *
     * @return false when the claim is no longer this worker's (expired and taken over, or re-run)
     */
    public boolean heartbeat(Claim claim) {
        return inTransaction("extending the lease of submission " + claim.submissionId(), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE eval_submission SET lease_until = now() + ? * interval '1 millisecond'" + OWNED)) {
                s.setLong(1, claim.lease().toMillis());
                bindClaim(s, 2, claim);
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * Stores the results and marks the submission scored, in one transaction, only while the claim
     * still holds it.
     *
     * @return false when the claim was lost; nothing is written then
     */
    public boolean complete(Claim claim, List<ScoredSplit> results) {
        return inTransaction("storing the results of submission " + claim.submissionId(), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE eval_submission SET status = 'scored',"
                    + " error = NULL, lease_until = NULL, finished_at = now()" + OWNED)) {
                bindClaim(s, 1, claim);
                if (s.executeUpdate() != 1) {
                    LOG.warn("submission={} event=result-discarded worker={} attempt={} reason=\"lease lost\"",
                            claim.submissionId(), claim.workerId(), claim.attempt());
                    return false;
                }
            }
            ResultRows.insert(c, claim.submissionId(), results);
            event(c, claim.submissionId(), SubmissionStatus.SCORED,
                    "attempt " + claim.attempt() + " by " + claim.workerId());
            LOG.info("submission={} event=scored worker={} attempt={} splits={}", claim.submissionId(),
                    claim.workerId(), claim.attempt(), results.size());
            return true;
        });
    }

    /**
     * Marks the submission failed for good: the submission itself is wrong (a NaN map, missing ids),
     * so another attempt would fail the same way.
     *
     * @return false when the claim was lost
     */
    public boolean fail(Claim claim, String reason) {
        return inTransaction("failing submission " + claim.submissionId(), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE eval_submission SET status = 'failed',"
                    + " error = ?, lease_until = NULL, finished_at = now()" + OWNED)) {
                s.setString(1, reason);
                bindClaim(s, 2, claim);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            event(c, claim.submissionId(), SubmissionStatus.FAILED, reason);
            LOG.info("submission={} event=failed worker={} attempt={} reason=\"{}\"", claim.submissionId(),
                    claim.workerId(), claim.attempt(), oneLine(reason));
            return true;
        });
    }

    /**
     * Records that this attempt broke for a reason that may pass (an I/O error, a crash), and leaves
     * the lease to run out: another claim retries it then, and the lease length is the back-off.
     * The reason is kept as the submission's error until it is scored, and quoted if it gives up.
     *
     * @return false when the claim was lost
     */
    public boolean retryLater(Claim claim, String reason) {
        return inTransaction("recording the error of submission " + claim.submissionId(), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE eval_submission SET error = ?" + OWNED)) {
                s.setString(1, reason);
                bindClaim(s, 2, claim);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            event(c, claim.submissionId(), SubmissionStatus.RUNNING, "attempt " + claim.attempt() + " by "
                    + claim.workerId() + " failed: " + reason + "; retried when its lease expires");
            LOG.warn("submission={} event=attempt-failed worker={} attempt={} reason=\"{}\"", claim.submissionId(),
                    claim.workerId(), claim.attempt(), oneLine(reason));
            return true;
        });
    }

    /**
     * Returns an unfinished claim to the queue at once without counting its attempt: the worker is
     * stopping, not failing.
     *
     * @return false when the claim was lost
     */
    public boolean putBack(Claim claim, String reason) {
        return inTransaction("requeueing submission " + claim.submissionId(), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE eval_submission SET status = 'queued',"
                    + " lease_owner = NULL, lease_until = NULL, attempts = attempts - 1" + OWNED)) {
                bindClaim(s, 1, claim);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            event(c, claim.submissionId(), SubmissionStatus.QUEUED, reason);
            LOG.info("submission={} event=put-back worker={} attempt={} reason=\"{}\"", claim.submissionId(),
                    claim.workerId(), claim.attempt(), reason);
            return true;
        });
    }

    /**
     * An admin's re-run: drops the submission's results and queues it afresh with a full budget of
     * attempts, whatever its status. A worker still holding it loses its claim.
     *
     * @return false when there is no such submission
     */
    public boolean rerun(long submissionId, String reason) {
        return inTransaction("re-running submission " + submissionId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE eval_submission SET status = 'queued',"
                    + " error = NULL, attempts = 0, lease_owner = NULL, lease_until = NULL, finished_at = NULL"
                    + " WHERE id = ?")) {
                s.setLong(1, submissionId);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            ResultRows.delete(c, submissionId);
            event(c, submissionId, SubmissionStatus.QUEUED, "re-run: " + reason);
            LOG.info("submission={} event=rerun reason=\"{}\"", submissionId, reason);
            return true;
        });
    }

    /** A multi-line reason (a list of problems) as one log line. */
    private static String oneLine(String reason) {
        return reason.replaceAll("\\s*\\R\\s*", " | ");
    }

    private static void bindClaim(PreparedStatement s, int first, Claim claim) throws SQLException {
        s.setLong(first, claim.submissionId());
        s.setString(first + 1, claim.workerId());
        s.setInt(first + 2, claim.attempt());
    }

    private static void requirePositive(Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, got " + lease);
        }
    }

    /** A status event at the database's {@code now()}, committed with the status change. */
    private static void event(Connection c, long submissionId, SubmissionStatus status, String detail)
            throws SQLException {
        Submissions.addEvent(c, submissionId, status, detail, null);
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    private <T> T inTransaction(String what, Jdbc.Work<T> work) {
        try {
            return Jdbc.inTransaction(dataSource, what, work);
        } catch (EvalStoreException e) {
            throw new QueueException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
