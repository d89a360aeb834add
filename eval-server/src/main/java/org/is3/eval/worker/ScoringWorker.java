package org.is3.eval.worker;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.is3.core.InputException;
import org.is3.core.formats.PredictionSource;
import org.is3.eval.queue.Claim;
import org.is3.eval.queue.QueueException;
import org.is3.eval.queue.ScoredSplit;
import org.is3.eval.queue.SubmissionQueue;
import org.is3.eval.store.BenchmarkTruth;
import org.is3.eval.store.StoredFile;
import org.is3.eval.store.TruthLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes submissions from the {@link SubmissionQueue} and scores them: claim → load the benchmark's
 * hidden ground truth → open {@code <home>/submissions/<file_path>} → score every split with core's
 * Scorer → store the metrics and mark the submission scored. A heartbeat extends the lease while it
 * scores.
 *
 * <p>What went wrong decides what happens next: a wrong submission (missing or extra ids, a NaN
 * map, a damaged archive) fails at once with a message naming the problem; anything else (a missing
 * file, a database error) is retried by another claim once the lease has run out, up to the
 * queue's attempt limit; a worker that is closed mid-scoring puts its claim back without counting
 * the attempt.
 *
 * <p>{@link #run()} loops until {@link #close()}; {@link #processNext()} handles one submission.
 */
public final class ScoringWorker implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringWorker.class);
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final TruthLoader truths;
    private final Path submissions;
    private final WorkerSettings settings;
    private final SubmissionQueue queue;
    private final ScheduledExecutorService timer;
    /** Guards {@link #scoring}/{@link #runner} against close(), and is what an idle worker waits on. */
    private final Object lock = new Object();
    private volatile boolean closed;
    /** The thread scoring a claim right now (interruptible by close() and a lost lease), or null. */
    private Thread scoring;
    /** The thread in {@link #run()}, or null. */
    private Thread runner;

    /**
     * @param home the is3 home; submission files are under {@code <home>/submissions}
     */
    public ScoringWorker(DataSource dataSource, Path home, WorkerSettings settings) {
        this.truths = new TruthLoader(dataSource, settings.scoringThreads());
        this.submissions = home.toAbsolutePath().normalize().resolve("submissions");
        this.settings = settings;
        this.queue = new SubmissionQueue(dataSource, settings.maxAttempts());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "is3-heartbeat-" + settings.workerId());
            t.setDaemon(true);
            return t;
        });
    }

    public String id() {
        return settings.workerId();
    }

    /** Claims, scores and settles submissions until closed; waits a poll interval whenever the queue is empty. */
    @Override
    public void run() {
        synchronized (lock) {
            runner = Thread.currentThread();
        }
        LOG.info("worker={} event=started lease_ms={} max_attempts={}", id(), settings.lease().toMillis(),
                settings.maxAttempts());
        try {
            while (!closed) {
                boolean worked;
                try {
                    worked = processNext();
                } catch (QueueException e) {
                    LOG.warn("worker={} event=queue-unreachable reason=\"{}\"", id(), e.getMessage());
                    worked = false;
                } catch (RuntimeException e) {
                    // a claim left unsettled is retried by whoever claims it after its lease
                    LOG.error("worker={} event=worker-error", id(), e);
                    worked = false;
                }
                if (!worked) {
                    idle();
                }
            }
        } finally {
            synchronized (lock) {
                runner = null;
                lock.notifyAll();
            }
            LOG.info("worker={} event=stopped", id());
        }
    }

    /**
     * Claims the oldest claimable submission and settles it (scored, failed, or left for a retry).
     *
     * @return false when there was nothing to claim
     * @throws QueueException when the queue's database cannot be reached
     */
    public boolean processNext() {
        if (closed) {
            return false;
        }
        Optional<Claim> claim = queue.claim(id(), settings.lease());
        claim.ifPresent(this::process);
        return claim.isPresent();
    }

    private void process(Claim claim) {
        long started = System.nanoTime();
        try (LeaseKeeper keeper = LeaseKeeper.start(queue, claim, this::interruptScoring, timer, settings.heartbeat())) {
            List<ScoredSplit> results;
            try {
                results = scoreInterruptibly(claim);
            } catch (InputException e) {
                keeper.close();
                queue.fail(claim, e.getMessage().replace(submissions + File.separator, "submissions/"));
                return;
            } catch (RuntimeException | SQLException e) {
                keeper.close();
                settleBroken(claim, keeper.lost(), e);
                return;
            }
            keeper.close();
            if (queue.complete(claim, results)) {
                LOG.info("submission={} event=stored worker={} total_ms={}", claim.submissionId(), id(),
                        millisSince(started));
            }
        }
    }

    private void settleBroken(Claim claim, boolean lost, Exception e) {
        if (closed) {
            queue.putBack(claim, "worker " + id() + " stopped during attempt " + claim.attempt() + "; requeued");
        } else if (lost) {
            LOG.warn("submission={} event=abandoned worker={} attempt={} reason=\"lease lost\"",
                    claim.submissionId(), id(), claim.attempt());
        } else if (e instanceof ServerFault) {
            queue.retryLater(claim, e.getMessage());
        } else {
            LOG.error("submission={} event=attempt-crashed worker={} attempt={}", claim.submissionId(), id(),
                    claim.attempt(), e);
            queue.retryLater(claim, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Scores with {@link #close()} and a lost lease allowed to interrupt; the interrupt never outlives it. */
    private List<ScoredSplit> scoreInterruptibly(Claim claim) throws SQLException {
        synchronized (lock) {
            scoring = Thread.currentThread();
        }
        try {
            return score(claim);
        } finally {
            synchronized (lock) {
                scoring = null;
                Thread.interrupted();
            }
        }
    }

    private List<ScoredSplit> score(Claim claim) throws SQLException {
        long started = System.nanoTime();
        BenchmarkTruth benchmark = SubmissionScorer.requireSamples(truths.load(claim.benchmarkId()));
        long loaded = System.nanoTime();
        Path file = submissionFile(claim);
        List<ScoredSplit> results;
        Path audioFile = file.resolveSibling(StoredFile.AUDIO_EMBEDDINGS);
        Path visualFile = file.resolveSibling(StoredFile.VISUAL_EMBEDDINGS);
        boolean embeddings = Files.exists(audioFile) && Files.exists(visualFile);
        try (PredictionSource predictions = settings.opener().open(file);
             PredictionSource audio = embeddings ? PredictionSource.open(audioFile) : null;
             PredictionSource visual = embeddings ? PredictionSource.open(visualFile) : null) {
            results = new SubmissionScorer(settings.scoringThreads()).score(benchmark, predictions, audio, visual,
                    claim.upsample(), "submission " + claim.submissionId());
        }
        long scoringNanos = System.nanoTime() - loaded;
        int maps = benchmark.samples();
        LOG.info("submission={} event=scored-in-worker worker={} attempt={} benchmark={} maps={} load_gt_ms={}"
                        + " score_ms={} maps_per_s={}", claim.submissionId(), id(), claim.attempt(), benchmark.name(),
                maps, TimeUnit.NANOSECONDS.toMillis(loaded - started), TimeUnit.NANOSECONDS.toMillis(scoringNanos),
                Math.round(maps / Math.max(1e-9, scoringNanos / 1e9)));
        return results;
    }

    /**
     * The stored file; a path leaving {@code <home>/submissions} is refused, and a missing file is
     * a server fault (retried), not the team's.
     */
    private Path submissionFile(Claim claim) {
        Path file = submissions.resolve(claim.filePath()).normalize();
        if (!file.startsWith(submissions)) {
            throw new InputException("submission file path '" + claim.filePath()
                    + "' leaves the submissions directory");
        }
        if (!Files.exists(file)) {
            throw new ServerFault("submission file submissions/" + claim.filePath() + " does not exist");
        }
        return file;
    }

    private void interruptScoring() {
        synchronized (lock) {
            if (scoring != null) {
                scoring.interrupt();
            }
        }
    }

    /** Ends an idle wait now: a submission was just queued. */
    public void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void idle() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                lock.wait(Math.max(1, settings.pollInterval().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    /**
     * Stops the worker: an idle one at once, a scoring one by interrupting the scoring, whose claim
     * goes back to the queue. Waits (up to 30 s) for {@link #run()} to return when called from
     * another thread.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
            if (scoring != null) {
                scoring.interrupt();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
            while (runner != null && runner != Thread.currentThread()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("worker={} event=close-timeout waited_s={}", id(), CLOSE_WAIT_SECONDS);
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        timer.shutdownNow();
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
