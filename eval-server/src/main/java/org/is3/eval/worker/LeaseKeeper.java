package org.is3.eval.worker;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.is3.eval.queue.Claim;
import org.is3.eval.queue.QueueException;
import org.is3.eval.queue.SubmissionQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extends one claim's lease every heartbeat while the worker scores. A heartbeat that finds the
 * claim gone (its lease expired and another worker took it, or an admin re-ran it) calls
 * {@code onLost} once, so the worker can stop scoring work whose result would be refused anyway.
 * A heartbeat that cannot reach the database is only logged: the lease may still hold.
 */
final class LeaseKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final SubmissionQueue queue;
    private final Claim claim;
    private final Runnable onLost;
    private final ScheduledFuture<?> beats;
    private volatile boolean stopped;
    private volatile boolean lost;

    private LeaseKeeper(SubmissionQueue queue, Claim claim, Runnable onLost, ScheduledExecutorService timer,
                        Duration every) {
        this.queue = queue;
        this.claim = claim;
        this.onLost = onLost;
        long millis = every.toMillis();
        this.beats = timer.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    static LeaseKeeper start(SubmissionQueue queue, Claim claim, Runnable onLost, ScheduledExecutorService timer,
                             Duration every) {
        return new LeaseKeeper(queue, claim, onLost, timer, every);
    }

    boolean lost() {
        return lost;
    }

    private void beat() {
        if (stopped) {
            return;
        }
        try {
            if (!queue.heartbeat(claim) && !stopped) {
                lost = true;
                stopped = true;
                beats.cancel(false);
                LOG.warn("submission={} event=lease-lost worker={} attempt={}", claim.submissionId(),
                        claim.workerId(), claim.attempt());
                onLost.run();
            }
        } catch (QueueException e) {
            LOG.warn("submission={} event=heartbeat-failed worker={} reason=\"{}\"", claim.submissionId(),
                    claim.workerId(), e.getMessage());
        }
    }

    /** No heartbeat after this returns starts; one already running finds {@code stopped} and stays silent. */
    @Override
    public void close() {
        stopped = true;
        beats.cancel(false);
    }
}
