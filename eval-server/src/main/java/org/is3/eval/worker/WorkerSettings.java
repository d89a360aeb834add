package org.is3.eval.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.is3.core.formats.PredictionSource;
import org.is3.eval.queue.SubmissionQueue;

/**
 * How a {@link ScoringWorker} runs.
 *
 * @param workerId       the lease owner written to the queue; unique per worker ({@code host-pid-n})
 * @param lease          how long a claim lasts without a heartbeat; after it another worker may take over
 * @param heartbeat      how often the lease is extended while scoring (shorter than {@code lease})
 * @param maxAttempts    claims per submission before it fails
 * @param pollInterval   how long an idle worker waits before looking at the queue again
 * @param scoringThreads threads core's Scorer uses for one submission
 * @param opener         how a stored submission file is opened
 */
public record WorkerSettings(String workerId, Duration lease, Duration heartbeat, int maxAttempts,
                             Duration pollInterval, int scoringThreads, PredictionOpener opener) {
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);

    private static final AtomicInteger WORKERS = new AtomicInteger();

    public WorkerSettings {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(opener, "opener");
        requirePositive("lease", lease);
        requirePositive("heartbeat", heartbeat);
        requirePositive("poll interval", pollInterval);
        if (heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("heartbeat " + heartbeat + " must be shorter than the lease " + lease);
        }
        if (maxAttempts < 1 || scoringThreads < 1) {
            throw new IllegalArgumentException("maxAttempts and scoringThreads must be ≥ 1, got " + maxAttempts
                    + " and " + scoringThreads);
        }
    }

    /** A fresh worker id, a 60 s lease with a heartbeat every 20 s, 3 attempts, 1 s polls, all cores. */
    public static WorkerSettings defaults() {
        return new WorkerSettings(newWorkerId(), DEFAULT_LEASE, DEFAULT_LEASE.dividedBy(3),
                SubmissionQueue.DEFAULT_MAX_ATTEMPTS, DEFAULT_POLL, Runtime.getRuntime().availableProcessors(),
                PredictionSource::open);
    }

    /** {@code host-pid-n}, n counting the workers of this process from 1. */
    public static String newWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + WORKERS.incrementAndGet();
    }

    public WorkerSettings withWorkerId(String id) {
        return new WorkerSettings(id, lease, heartbeat, maxAttempts, pollInterval, scoringThreads, opener);
    }

    /** This lease with a heartbeat every third of it. */
    public WorkerSettings withLease(Duration newLease) {
        return new WorkerSettings(workerId, newLease, newLease.dividedBy(3), maxAttempts, pollInterval,
                scoringThreads, opener);
    }

    public WorkerSettings withHeartbeat(Duration newHeartbeat) {
        return new WorkerSettings(workerId, lease, newHeartbeat, maxAttempts, pollInterval, scoringThreads, opener);
    }

    public WorkerSettings withMaxAttempts(int attempts) {
        return new WorkerSettings(workerId, lease, heartbeat, attempts, pollInterval, scoringThreads, opener);
    }

    public WorkerSettings withPollInterval(Duration poll) {
        return new WorkerSettings(workerId, lease, heartbeat, maxAttempts, poll, scoringThreads, opener);
    }

    public WorkerSettings withScoringThreads(int threads) {
        return new WorkerSettings(workerId, lease, heartbeat, maxAttempts, pollInterval, threads, opener);
    }

    public WorkerSettings withOpener(PredictionOpener newOpener) {
        return new WorkerSettings(workerId, lease, heartbeat, maxAttempts, pollInterval, scoringThreads, newOpener);
    }

    private static void requirePositive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
