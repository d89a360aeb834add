package org.is3.eval.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.PredictionSource;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.Curve;
import org.is3.core.metrics.LocalizationProtocol;
import org.is3.core.scoring.Progress;
import org.is3.core.scoring.SampleResult;
import org.is3.core.scoring.ScoreJson;
import org.is3.core.scoring.ScoreOptions;
import org.is3.core.scoring.ScoreReport;
import org.is3.core.scoring.Scorer;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.eval.queue.SubmissionQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker on a real embedded PostgreSQL and real submission files under {@code <home>/submissions}. */
class ScoringWorkerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    @TempDir
    Path scratch;

    private static Database database;
    private static EvalRows rows;
    private final SplittableRandom rnd = new SplittableRandom(7);
    private List<GroundTruth> devTruth;
    private List<GroundTruth> testTruth;
    private long dev;
    private long test;
    private long team;
    private long phase;
    private int files;

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
        devTruth = TestSubmissions.positives("dev", 9, rnd);
        testTruth = new ArrayList<>(TestSubmissions.positives("test", 12, rnd));
        // SLAVC-style mismatched pairs: the extended metrics (AP, max-F1, LocAcc) are scored for them
        testTruth.add(TestSubmissions.negative("silent_1", SampleKind.NON_SOUNDING));
        testTruth.add(TestSubmissions.negative("noise_1", SampleKind.NON_SOUNDING));
        testTruth.add(TestSubmissions.negative("offscreen_1", SampleKind.NON_SOUNDING));
        long benchmark = rows.benchmark("is3-mini", "sslalign", 0.03);
        dev = rows.split(benchmark, "dev", "dev", devTruth);
        test = rows.split(benchmark, "test", "test", testTruth);
        team = rows.team("team-a");
        phase = rows.phase(benchmark);
    }

    private WorkerSettings settings() {
        return WorkerSettings.defaults().withScoringThreads(2).withPollInterval(Duration.ofMillis(50));
    }

    private List<String> allIds() {
        List<String> ids = new ArrayList<>(TestSubmissions.ids(devTruth));
        ids.addAll(TestSubmissions.ids(testTruth));
        return ids;
    }

    /** A queued submission of these maps, stored as a zip under {@code <home>/submissions/<n>/}. */
    private long submit(Map<String, float[]> maps) throws Exception {
        String path = (++files) + "/preds.zip";
        TestSubmissions.zip(home.resolve("submissions").resolve(path), maps);
        return rows.submission(team, phase, path);
    }

    private static ScoreReport coreScore(List<GroundTruth> truth, Path file, boolean upsample) {
        try (PredictionSource source = PredictionSource.open(file)) {
            return new Scorer(new ScoreOptions(LocalizationProtocol.SSLALIGN, false, 0.03, false, 1, upsample))
                    .score(GroundTruthSet.of(truth), source, Progress.NONE);
        }
    }

    private static Map<String, float[]> only(Map<String, float[]> maps, List<GroundTruth> truth) {
        Map<String, float[]> out = new LinkedHashMap<>();
        truth.forEach(g -> out.put(g.id(), maps.get(g.id())));
        return out;
    }

    @Test
    void scoresEverySplitBitForBitAsCoreScorerScoresTheSameFiles() throws Exception {
        List<String> shuffled = new ArrayList<>(allIds());
        Collections.shuffle(shuffled, new java.util.Random(3));
        Map<String, float[]> maps = TestSubmissions.maps(shuffled, rnd);
        long id = submit(maps);

        try (ScoringWorker worker = new ScoringWorker(database.dataSource(), home, settings())) {
            assertTrue(worker.processNext());
            assertFalse(worker.processNext(), "nothing left");
        }

        assertEquals("scored", rows.status(id));
        ScoreReport devReport = coreScore(devTruth, TestSubmissions.zip(scratch.resolve("dev.zip"), only(maps, devTruth)), false);
        ScoreReport testReport = coreScore(testTruth, TestSubmissions.zip(scratch.resolve("test.zip"), only(maps, testTruth)), false);
        assertSameMetrics(devReport, JSON.readTree(rows.metrics(id, dev)));
        assertSameMetrics(testReport, JSON.readTree(rows.metrics(id, test)));
        assertNotNull(testReport.extended(), "the test split has negatives");
        assertEquals(testReport.extended().ap(), JSON.readTree(rows.metrics(id, test)).get("ap").doubleValue());
        assertEquals(3, JSON.readTree(rows.metrics(id, test)).get("n_negatives").intValue());

        assertEquals(devTruth.size(), rows.sampleResultRows(id, dev));
        for (SampleResult s : devReport.samples()) {
            double[] stored = rows.sampleScores(id, dev, s.id());
            assertEquals(Double.doubleToLongBits(s.ciou()), Double.doubleToLongBits(stored[0]), s.id());
            assertEquals(Double.doubleToLongBits(s.ciouAdaptive()), Double.doubleToLongBits(stored[1]), s.id());
        }
        assertEquals(0, rows.sampleResultRows(id, test), "hidden splits keep no per-sample scores");
        List<String> events = rows.events(id);
        assertEquals("scored: attempt 1 by " + events.get(1).substring("running: attempt 1 by ".length()), events.get(2));
    }

    /** Every key of the cli's JSON, same bits; the curves are core's Curve on the positives' cIoUs. */
    private static void assertSameMetrics(ScoreReport expected, JsonNode stored) {
        Map<String, Object> keys = ScoreJson.metrics(expected);
        for (Map.Entry<String, Object> e : keys.entrySet()) {
            JsonNode v = stored.get(e.getKey());
            assertNotNull(v, e.getKey());
            if (e.getValue() instanceof Double d) {
                assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(v.doubleValue()), e.getKey());
            } else {
                assertEquals(e.getValue(), e.getValue() == null ? null : v.intValue(), e.getKey());
            }
        }
        assertEquals(keys.size() + 2, stored.size(), "cli keys plus curve and curve_adap: " + stored);
        List<SampleResult> positiveSamples = expected.samples().stream()
                .filter(s -> s.kind() == SampleKind.POSITIVE).toList();
        double[] positives = new double[positiveSamples.size()];
        for (int i = 0; i < positives.length; i++) {
            positives[i] = positiveSamples.get(i).ciou();
        }
        double[] curve = Curve.successRates(positives, positives.length);
        JsonNode storedCurve = stored.get("curve");
        assertEquals(Curve.POINTS, storedCurve.size());
        double[] back = new double[Curve.POINTS];
        for (int i = 0; i < Curve.POINTS; i++) {
            back[i] = storedCurve.get(i).doubleValue();
            assertEquals(curve[i], back[i], "curve point " + i);
        }
        assertEquals(expected.localization().ciou(), back[10], "cIoU is the curve at 0.5");
        assertEquals(expected.localization().auc(), Curve.auc(back), "AUC is the curve's area");
        assertEquals(Curve.POINTS, stored.get("curve_adap").size());
        assertEquals(expected.localization().ciouAdap(), stored.get("curve_adap").get(10).doubleValue());
    }

    @Test
    void aWorkerReadsTheGroundTruthAgainOnceItChanged() throws Exception {
        Map<String, float[]> maps = TestSubmissions.maps(allIds(), rnd);
        GroundTruth changed = GroundTruth.positive("dev1_4", GtMap.union(List.of(new PixelBox(0, 0, 224, 112))), 1);
        try (ScoringWorker worker = new ScoringWorker(database.dataSource(), home, settings())) {
            long before = submit(maps);
            assertTrue(worker.processNext());
            rows.execute("UPDATE eval_sample SET gt = ? WHERE split_id = ? AND sample_id = 'dev1_4'",
                    EvalRows.deflate(changed.map()), dev);
            long after = submit(maps);
            assertTrue(worker.processNext());

            List<GroundTruth> newTruth = new ArrayList<>(devTruth);
            newTruth.set(4, changed);
            ScoreReport expected = coreScore(newTruth, TestSubmissions.zip(scratch.resolve("dev.zip"), only(maps, newTruth)), false);
            double stored = rows.sampleScores(after, dev, "dev1_4")[0];
            assertEquals(expected.samples().get(4).ciou(), stored, "scored against the changed map");
            assertTrue(stored != rows.sampleScores(before, dev, "dev1_4")[0], "the change matters for this map");
        }
    }

    @Test
    void aNaNMapFailsAtOnceNamingTheSample() throws Exception {
        Map<String, float[]> maps = TestSubmissions.maps(allIds(), rnd);
        maps.get("test1_4")[3 * 224 + 5] = Float.NaN;
        long id = submit(maps);

        try (ScoringWorker worker = new ScoringWorker(database.dataSource(), home, settings())) {
            assertTrue(worker.processNext());
        }

        assertEquals("failed", rows.status(id));
        assertEquals(1, rows.attempts(id), "a user error is not retried");
        String error = rows.error(id);
        assertTrue(error.contains("test1_4: value NaN at row 3, column 5 (maps must be finite)"), error);
        assertTrue(error.contains("submission " + id + ", split test"), error);
        assertFalse(error.contains(home.toString()), "no server paths in a team's error: " + error);
        assertEquals(0, rows.resultRows(id));
    }

    @Test
    void missingAndExtraIdsFailNamingThem() throws Exception {
        List<String> ids = new ArrayList<>(allIds());
        ids.remove("dev0_1");
        ids.remove("test3_11");
        ids.add("stranger_9");
        long id = submit(TestSubmissions.maps(ids, rnd));

        try (ScoringWorker worker = new ScoringWorker(database.dataSource(), home, settings())) {
            assertTrue(worker.processNext());
        }

        assertEquals("failed", rows.status(id));
        assertEquals("submission " + id + " does not match benchmark is3-mini (24 samples); 2 samples without a"
                + " prediction: dev0_1, test3_11; 1 predicted id not in the benchmark: stranger_9", rows.error(id));
        assertEquals(List.of("queued: accepted", "running: attempt 1 by " + rows.leaseOwner(id),
                "failed: " + rows.error(id)), rows.events(id));
    }

    @Test
    void aMissingFileIsRetriedUntilTheQueueGivesUp() throws Exception {
        long id = rows.submission(team, phase, "9/gone.zip");
        WorkerSettings quick = settings().withLease(Duration.ofMillis(300)).withMaxAttempts(2);

        try (ScoringWorker worker = new ScoringWorker(database.dataSource(), home, quick)) {
            assertTrue(worker.processNext());
            assertEquals("running", rows.status(id), "retried once the lease runs out");
            Thread.sleep(600);
            assertTrue(worker.processNext());
            Thread.sleep(600);
            assertFalse(worker.processNext(), "out of attempts: failed, not claimed");
        }

        assertEquals("failed", rows.status(id));
        assertEquals("gave up after 2 attempts (last error: submission file"
                + " submissions/9/gone.zip does not exist)", rows.error(id));
    }

    @Test
    void lowResolutionMapsAcceptedForUpsamplingAreScoredUpsampled() throws Exception {
        Map<String, float[]> maps = new LinkedHashMap<>();
        for (String sample : allIds()) {
            float[] m = new float[49];
            for (int i = 0; i < m.length; i++) {
                m[i] = (float) rnd.nextDouble();
            }
            maps.put(sample, m);
        }
        Path file = home.resolve("submissions/7x7/preds.zip");
        Files.createDirectories(file.getParent());
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, float[]> e : maps.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey() + ".npy"));
                Npy.write(zip, NpyArray.of(e.getValue(), 7, 7));
                zip.closeEntry();
            }
        }
        long id = rows.submission(team, phase, "7x7/preds.zip");
        rows.execute("UPDATE eval_submission SET upsampled_from = '7x7' WHERE id = ?", id);

        try (ScoringWorker worker = new ScoringWorker(database.dataSource(), home, settings())) {
            assertTrue(worker.processNext());
        }

        assertEquals("scored", rows.status(id), rows.error(id));
        Map<String, float[]> devMaps = only(maps, devTruth);
        Path devFile = scratch.resolve("dev7.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(devFile))) {
            for (Map.Entry<String, float[]> e : devMaps.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey() + ".npy"));
                Npy.write(zip, NpyArray.of(e.getValue(), 7, 7));
                zip.closeEntry();
            }
        }
        ScoreReport expected = coreScore(devTruth, devFile, true);
        assertEquals(expected.localization().auc(), JSON.readTree(rows.metrics(id, dev)).get("auc").doubleValue());
    }

    @Test
    void runScoresWhatIsQueuedAndCloseStopsAScoringWorkerPromptly() throws Exception {
        long first = submit(TestSubmissions.maps(allIds(), rnd));
        CountDownLatch reading = new CountDownLatch(1);
        WorkerSettings slow = settings().withOpener(f -> new SlowSource(PredictionSource.open(f), 1000, reading));
        ScoringWorker worker = new ScoringWorker(database.dataSource(), home, slow);
        Thread thread = new Thread(worker, "test-worker");
        thread.start();
        assertTrue(reading.await(30, TimeUnit.SECONDS), "the worker started scoring");

        worker.close();

        thread.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(thread.isAlive(), "close() stopped the worker mid-scoring (scoring all would take 12 s)");
        assertEquals("queued", rows.status(first));
        assertEquals(0, rows.attempts(first), "stopping is not a failed attempt");
        assertEquals("queued: worker " + worker.id() + " stopped during attempt 1; requeued",
                rows.events(first).get(2));

        try (ScoringWorker next = new ScoringWorker(database.dataSource(), home, settings())) {
            Thread runner = new Thread(next, "test-worker-2");
            runner.start();
            awaitStatus(first, "scored");
            next.close();
            runner.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(runner.isAlive(), "close() stopped the idle worker");
        }
        assertEquals(2, rows.resultRows(first));
    }

    @Test
    void aLeaseLostMidScoringAbandonsTheWork() throws Exception {
        long id = submit(TestSubmissions.maps(allIds(), rnd));
        CountDownLatch reading = new CountDownLatch(1);
        WorkerSettings slow = settings().withLease(Duration.ofMillis(600))
                .withOpener(f -> new SlowSource(PredictionSource.open(f), 1000, reading));
        try (ScoringWorker worker = new ScoringWorker(database.dataSource(), home, slow)) {
            Thread thread = new Thread(worker::processNext, "test-worker");
            thread.start();
            assertTrue(reading.await(30, TimeUnit.SECONDS));

            assertTrue(new SubmissionQueue(database.dataSource(), 3).rerun(id, "admin re-run"));

            thread.join(TimeUnit.SECONDS.toMillis(5));
            assertFalse(thread.isAlive(), "the heartbeat found the lease gone and scoring stopped (all: 12 s)");
        }
        assertEquals("queued", rows.status(id));
        assertEquals(0, rows.resultRows(id));
        try (ScoringWorker worker = new ScoringWorker(database.dataSource(), home, settings())) {
            assertTrue(worker.processNext());
        }
        assertEquals("scored", rows.status(id));
    }

    private static void awaitStatus(long id, String status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!status.equals(rows.status(id))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("submission " + id + " is " + rows.status(id) + ", not " + status
                        + ": " + rows.events(id));
            }
            Thread.sleep(50);
        }
    }
}
