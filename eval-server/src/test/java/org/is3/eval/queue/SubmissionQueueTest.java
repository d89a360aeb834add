package org.is3.eval.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.eval.worker.EvalRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue on a real embedded PostgreSQL: claims, leases, heartbeats, requeues, attempts, re-runs. */
class SubmissionQueueTest {
    /** Long enough that a loaded machine gets the next statement in before it runs out. */
    private static final Duration SHORT = Duration.ofSeconds(1);
    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    static Path home;

    private static Database database;
    private static EvalRows rows;
    private long team;
    private long phase;
    private long dev;
    private long test;
    private SubmissionQueue queue;

    @BeforeAll
    static void start() {
        database = Database.start(DatabaseConfig.embedded(home).withPort(0));
        rows = new EvalRows(database.dataSource());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void benchmark() throws SQLException {
        rows.clear();
        long benchmark = rows.benchmark("queue-bench", "sslalign", 0.03);
        dev = rows.split(benchmark, "dev", "dev", List.of());
        test = rows.split(benchmark, "test", "test", List.of());
        team = rows.team("team-a");
        phase = rows.phase(benchmark);
        queue = new SubmissionQueue(database.dataSource(), 3);
    }

    private List<ScoredSplit> results() {
        return List.of(new ScoredSplit(dev, "{\"ciou\": 0.5}", List.of(new ScoredSample("a_1", 0.25, Double.NaN))),
                new ScoredSplit(test, "{\"ciou\": 0.75}", List.of()));
    }

    @Test
    void claimsTheOldestFirstAndRecordsEachAttempt() throws SQLException {
        long first = rows.submission(team, phase, "1/a.zip");
        long second = rows.submission(team, phase, "2/b.zip");

        Claim a = queue.claim("w1", LONG).orElseThrow();
        Claim b = queue.claim("w2", LONG).orElseThrow();

        assertEquals(first, a.submissionId());
        assertEquals("1/a.zip", a.filePath());
        assertEquals(1, a.attempt());
        assertEquals(second, b.submissionId());
        assertEquals(Optional.empty(), queue.claim("w3", LONG), "both are leased");
        assertEquals("running", rows.status(first));
        assertEquals("w1", rows.leaseOwner(first));
        assertEquals(List.of("queued: accepted", "running: attempt 1 by w1"), rows.events(first));
    }

    @Test
    void parallelClaimsNeverTakeTheSameSubmission() throws Exception {
        Set<Long> queued = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            queued.add(rows.submission(team, phase, i + "/p.zip"));
        }
        ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String id = "w" + w;
            workers.add(pool.submit(() -> {
                go.await();
                for (Optional<Claim> c = queue.claim(id, LONG); c.isPresent(); c = queue.claim(id, LONG)) {
                    claimed.add(c.get().submissionId());
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : workers) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(40, claimed.size(), "every claim is a different submission: " + claimed);
        assertEquals(queued, new HashSet<>(claimed));
        for (long id : queued) {
            assertEquals(1, rows.attempts(id), "submission " + id + " claimed once");
        }
    }

    @Test
    void anExpiredLeaseIsRequeuedAndTheStaleWorkerCanNoLongerWrite() throws Exception {
        long id = rows.submission(team, phase, "1/a.zip");
        Claim stale = queue.claim("w-dead", SHORT).orElseThrow();
        assertEquals(Optional.empty(), queue.claim("w-new", LONG), "the lease still holds");

        Thread.sleep(SHORT.toMillis() + 500);
        Claim fresh = queue.claim("w-new", LONG).orElseThrow();

        assertEquals(id, fresh.submissionId());
        assertEquals(2, fresh.attempt());
        assertEquals("running: attempt 2 by w-new; requeued after the lease of w-dead expired",
                rows.events(id).get(2));
        assertFalse(queue.heartbeat(stale), "a taken-over lease cannot be extended");
        assertFalse(queue.complete(stale, results()), "the stale worker's late result is refused");
        assertFalse(queue.fail(stale, "late failure"));
        assertEquals(0, rows.resultRows(id));
        assertEquals("running", rows.status(id));

        assertTrue(queue.complete(fresh, results()));
        assertFalse(queue.complete(fresh, results()), "scored exactly once");
        assertEquals("scored", rows.status(id));
        assertEquals(2, rows.resultRows(id));
        assertEquals(1, rows.sampleResultRows(id, dev));
        assertEquals(0, rows.sampleResultRows(id, test));
        assertTrue(Double.isNaN(rows.sampleScores(id, dev, "a_1")[1]), "NaN is stored as NULL");
        assertEquals(0.25, rows.sampleScores(id, dev, "a_1")[0]);
        assertTrue(rows.metrics(id, test).contains("0.75"), rows.metrics(id, test));
        assertEquals("scored: attempt 2 by w-new", rows.events(id).get(3));
    }

    @Test
    void heartbeatsKeepALeaseAlive() throws Exception {
        long id = rows.submission(team, phase, "1/a.zip");
        Claim claim = queue.claim("w1", SHORT).orElseThrow();
        for (int i = 0; i < 6; i++) {
            Thread.sleep(SHORT.toMillis() / 3);
            assertTrue(queue.heartbeat(claim));
        }
        assertEquals(Optional.empty(), queue.claim("w2", LONG), "2 s after a 1 s lease, still held");
        assertTrue(queue.complete(claim, results()));
        assertEquals(1, rows.attempts(id));
    }

    @Test
    void aSubmissionOutOfAttemptsFailsWithTheReason() throws Exception {
        SubmissionQueue twice = new SubmissionQueue(database.dataSource(), 2);
        long id = rows.submission(team, phase, "1/a.zip");
        long next = rows.submission(team, phase, "2/b.zip");
        twice.claim("w1", SHORT).orElseThrow();
        Thread.sleep(SHORT.toMillis() + 500);
        Claim second = twice.claim("w2", SHORT).orElseThrow();
        assertEquals(id, second.submissionId());
        assertTrue(twice.retryLater(second, "IOException: disk on fire"));
        Thread.sleep(SHORT.toMillis() + 500);

        Claim third = twice.claim("w3", LONG).orElseThrow();

        assertEquals(next, third.submissionId(), "the exhausted one is skipped for the next");
        assertEquals("failed", rows.status(id));
        assertEquals("gave up after 2 attempts (last error: IOException: disk on fire)", rows.error(id));
        assertEquals(List.of("queued: accepted", "running: attempt 1 by w1",
                "running: attempt 2 by w2; requeued after the lease of w1 expired",
                "running: attempt 2 by w2 failed: IOException: disk on fire; retried when its lease expires",
                "failed: gave up after 2 attempts (last error: IOException: disk on fire)"), rows.events(id));
    }

    @Test
    void aDeadWorkersLastAttemptIsNamedWhenTheQueueGivesUp() throws Exception {
        SubmissionQueue once = new SubmissionQueue(database.dataSource(), 1);
        long id = rows.submission(team, phase, "1/a.zip");
        once.claim("w1", SHORT).orElseThrow();
        Thread.sleep(SHORT.toMillis() + 500);

        assertEquals(Optional.empty(), once.claim("w2", LONG));
        assertEquals("gave up after 1 attempt (the lease of w1 expired)", rows.error(id));
    }

    @Test
    void failIsFinal() throws SQLException {
        long id = rows.submission(team, phase, "1/a.zip");
        Claim claim = queue.claim("w1", LONG).orElseThrow();

        assertTrue(queue.fail(claim, "sample x_1: value NaN at row 0, column 0 (maps must be finite)"));

        assertEquals("failed", rows.status(id));
        assertEquals("sample x_1: value NaN at row 0, column 0 (maps must be finite)", rows.error(id));
        assertEquals(Optional.empty(), queue.claim("w2", LONG));
        assertFalse(queue.complete(claim, results()));
    }

    @Test
    void aStoppingWorkerPutsItsClaimBackWithoutCountingIt() throws SQLException {
        long id = rows.submission(team, phase, "1/a.zip");
        Claim claim = queue.claim("w1", LONG).orElseThrow();

        assertTrue(queue.putBack(claim, "worker w1 stopped during attempt 1; requeued"));

        assertEquals("queued", rows.status(id));
        assertNull(rows.leaseOwner(id));
        Claim again = queue.claim("w2", LONG).orElseThrow();
        assertEquals(1, again.attempt());
        assertFalse(queue.heartbeat(claim));
    }

    @Test
    void aRerunDropsTheResultsAndScoresAfresh() throws SQLException {
        long id = rows.submission(team, phase, "1/a.zip");
        Claim first = queue.claim("w1", LONG).orElseThrow();
        assertTrue(queue.complete(first, results()));

        assertTrue(queue.rerun(id, "ground truth corrected"));
        assertFalse(queue.rerun(id + 1000, "no such submission"));

        assertEquals("queued", rows.status(id));
        assertEquals(0, rows.resultRows(id));
        assertEquals(0, rows.attempts(id));
        Claim second = queue.claim("w2", LONG).orElseThrow();
        assertEquals(1, second.attempt());
        assertTrue(queue.complete(second, results()));
        assertEquals(2, rows.resultRows(id));
        assertTrue(rows.events(id).contains("queued: re-run: ground truth corrected"), rows.events(id).toString());
    }

    @Test
    void aRerunWhileRunningTakesTheClaimAway() throws SQLException {
        long id = rows.submission(team, phase, "1/a.zip");
        Claim running = queue.claim("w1", LONG).orElseThrow();

        assertTrue(queue.rerun(id, "admin"));

        assertFalse(queue.heartbeat(running));
        assertFalse(queue.complete(running, results()));
        assertEquals("queued", rows.status(id));
    }
}
