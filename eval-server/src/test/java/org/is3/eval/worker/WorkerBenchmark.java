package org.is3.eval.worker;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.NpyLayout;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GroundTruth;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.eval.queue.SubmissionQueue;

/**
 * Measures a worker scoring an IS3-sized submission:
 * {@code <dir> [maps=6480] [threads=all cores] [split visibility=test|dev]} (a dev split also stores
 * one per-sample row per map).
 * Writes an {@code np.savez}-style (stored) archive of random 224×224 float32 maps under
 * {@code <dir>/submissions}, queues it against a benchmark of as many one- or two-box samples,
 * and times queued → scored, four times with one worker. Run by hand (it writes about 1.3 GB), never as a test.
 */
public final class WorkerBenchmark {
    private WorkerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 6480;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        String visibility = args.length > 3 ? args[3] : "test";
        SplittableRandom rnd = new SplittableRandom(42);
        List<GroundTruth> truth = TestSubmissions.positives("is3_", n, rnd);
        long t0 = System.nanoTime();
        Path file = writeNpz(dir.resolve("submissions/1/preds.npz"), truth, rnd);
        System.out.printf("wrote %s (%d MB) in %d ms%n", file, Files.size(file) >> 20, ms(t0));
        try (Database db = Database.start(DatabaseConfig.embedded(dir).withPort(0))) {
            EvalRows rows = new EvalRows(db.dataSource());
            rows.clear();
            long benchmark = rows.benchmark("is3-bench", "sslalign", 0.03);
            long t1 = System.nanoTime();
            rows.split(benchmark, visibility, visibility, truth);
            System.out.printf("imported %d GT maps in %d ms%n", n, ms(t1));
            long id = rows.submission(rows.team("bench"), rows.phase(benchmark), "1/preds.npz");
            WorkerSettings settings = WorkerSettings.defaults().withScoringThreads(threads);
            // one worker: the first run reads the ground truth, later ones find it cached
            try (ScoringWorker worker = new ScoringWorker(db.dataSource(), dir, settings)) {
                for (int run = 1; run <= 4; run++) {
                    if (run > 1) {
                        new SubmissionQueue(db.dataSource(), 3).rerun(id, "benchmark run " + run);
                    }
                    long t2 = System.nanoTime();
                    worker.processNext();
                    long took = ms(t2);
                    System.out.printf("run %d: queued → %s in %d ms (%.0f maps/s, %d scoring threads)%n", run,
                            rows.status(id), took, n * 1000.0 / took, threads);
                }
            }
        }
    }

    /** A stored (uncompressed) zip of {@code <id>.npy} members, as {@code np.savez} writes it. */
    private static Path writeNpz(Path file, List<GroundTruth> truth, SplittableRandom rnd) throws Exception {
        Files.createDirectories(file.getParent());
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
             ZipOutputStream zip = new ZipOutputStream(os)) {
            for (GroundTruth g : truth) {
                byte[] npy = Npy.toBytes(NpyArray.of(TestSubmissions.map(rnd), Grid.SIZE, Grid.SIZE), NpyLayout.DEFAULT);
                ZipEntry e = new ZipEntry(g.id() + ".npy");
                e.setMethod(ZipEntry.STORED);
                e.setSize(npy.length);
                CRC32 crc = new CRC32();
                crc.update(npy);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(npy);
                zip.closeEntry();
            }
        }
        return file;
    }

    private static long ms(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
