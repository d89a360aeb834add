package org.is3.eval.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.is3.core.formats.PredictionSource;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.metrics.LocalizationProtocol;
import org.is3.core.scoring.Progress;
import org.is3.core.scoring.ScoreOptions;
import org.is3.core.scoring.ScoreReport;
import org.is3.core.scoring.Scorer;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker JVM killed with {@code kill -9} mid-scoring loses nothing: its lease runs out, another
 * worker takes the submission over and scores it exactly once.
 */
class WorkerCrashTest {
    private static final long PROCESS_LIMIT_SECONDS = 120;

    @TempDir
    Path home;

    @TempDir
    Path logs;

    @Test
    void aWorkerKilledMidScoringIsTakenOverAndTheSubmissionScoredOnce() throws Exception {
        try (Database database = Database.start(DatabaseConfig.embedded(home).withPort(0))) {
            EvalRows rows = new EvalRows(database.dataSource());
            SplittableRandom rnd = new SplittableRandom(5);
            List<GroundTruth> devTruth = TestSubmissions.positives("dev", 6, rnd);
            List<GroundTruth> testTruth = TestSubmissions.positives("test", 9, rnd);
            long benchmark = rows.benchmark("crash-bench", "sslalign", 0.03);
            long dev = rows.split(benchmark, "dev", "dev", devTruth);
            long test = rows.split(benchmark, "test", "test", testTruth);
            List<String> ids = new ArrayList<>(TestSubmissions.ids(devTruth));
            ids.addAll(TestSubmissions.ids(testTruth));
            Map<String, float[]> maps = TestSubmissions.maps(ids, rnd);
            TestSubmissions.zip(home.resolve("submissions/1/preds.zip"), maps);
            long id = rows.submission(rows.team("team-a"), rows.phase(benchmark), "1/preds.zip");

            Path log = logs.resolve("worker.log");
            Process child = launch(database.jdbcUrl(), "doomed-worker", log);
            awaitLine(child, log, "SCORING");
            assertEquals("running", rows.status(id));
            assertEquals("doomed-worker", rows.leaseOwner(id));

            child.destroyForcibly().waitFor();

            assertEquals("running", rows.status(id), "the dead worker's lease still names it");
            assertEquals(0, rows.resultRows(id));
            WorkerSettings survivor = WorkerSettings.defaults().withWorkerId("survivor").withScoringThreads(2);
            try (ScoringWorker worker = new ScoringWorker(database.dataSource(), home, survivor)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!worker.processNext()) {
                    assertTrue(System.nanoTime() < deadline, "nobody took the submission over: " + rows.events(id));
                    Thread.sleep(100);
                }
            }

            assertEquals("scored", rows.status(id), String.valueOf(rows.error(id)));
            assertEquals(2, rows.resultRows(id), "one result per split");
            assertEquals(List.of("queued: accepted", "running: attempt 1 by doomed-worker",
                    "running: attempt 2 by survivor; requeued after the lease of doomed-worker expired",
                    "scored: attempt 2 by survivor"), rows.events(id));
            ScoreReport expected;
            try (PredictionSource all = PredictionSource.open(home.resolve("submissions/1/preds.zip"))) {
                expected = new Scorer(new ScoreOptions(LocalizationProtocol.SSLALIGN, false, 0.03, false, 1, false))
                        .score(GroundTruthSet.of(testTruth), new SplitSource(all, TestSubmissions.ids(testTruth), "test"),
                                Progress.NONE);
            }
            assertEquals(expected.localization().auc(),
                    new ObjectMapper().readTree(rows.metrics(id, test)).get("auc").doubleValue());
            assertEquals(devTruth.size(), rows.sampleResultRows(id, dev));
        }
    }

    /** The worker JVM, with a 1.5 s lease and 400 ms per map read: 15 maps take 6 s. */
    private Process launch(String jdbcUrl, String workerId, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Dis3.test.readDelayMillis=400",
                "-cp", System.getProperty("java.class.path"),
                WorkerProcess.class.getName(), jdbcUrl, home.toString(), workerId, "1500")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitLine(Process process, Path log, String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_LIMIT_SECONDS);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith(prefix)) {
                    return;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly().waitFor();
        throw new AssertionError("no line starting with '" + prefix + "' from the worker:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
    }
}
