package org.is3.eval.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.is3.core.formats.PredictionSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A scoring worker in a JVM of its own, for {@link WorkerCrashTest}:
 * {@code <jdbc-url> <home> <worker-id> <lease-ms>}. The system property
 * {@code is3.test.readDelayMillis} (read here only, never by production code) slows every map read
 * so the test can kill the process mid-scoring; {@code SCORING} is printed at the first read.
 */
public final class WorkerProcess {
    private WorkerProcess() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(args[0]);
        long delay = Long.getLong("is3.test.readDelayMillis", 0);
        CountDownLatch reading = new CountDownLatch(1);
        WorkerSettings settings = WorkerSettings.defaults().withWorkerId(args[2])
                .withLease(Duration.ofMillis(Long.parseLong(args[3])))
                .withPollInterval(Duration.ofMillis(100))
                .withScoringThreads(1)
                .withOpener(f -> new SlowSource(PredictionSource.open(f), delay, reading));
        Thread announce = new Thread(() -> {
            try {
                reading.await();
                System.out.println("SCORING");
                System.out.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "announce");
        announce.setDaemon(true);
        announce.start();
        new ScoringWorker(db, Path.of(args[1]), settings).run();
    }
}
