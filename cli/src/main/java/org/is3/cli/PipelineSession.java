package org.is3.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.is3.db.Database;
import org.is3.pipeline.broker.Broker;
import org.is3.pipeline.generate.GeneratorRegistry;
import org.is3.pipeline.run.PipelineOptions;
import org.is3.pipeline.run.PipelineRunner;
import org.is3.pipeline.store.ImageState;
import org.is3.pipeline.store.RunCounts;

/**
 * The database, broker and (optionally) routes a pipeline command works with, closed in reverse
 * order. Joins a running `is3 up` on the same home rather than refusing its database or journal.
 */
final class PipelineSession implements AutoCloseable {

    final Database database;
    final Broker broker;
    final PipelineRunner runner;

    private PipelineSession(Database database, Broker broker, PipelineRunner runner) {
        this.database = database;
        this.broker = broker;
        this.runner = runner;
    }

    static PipelineSession open(HomeOptions home, BrokerOptions brokerOptions, int consumers) {
        Database db = Database.connect(home.databaseConfig());
        Broker broker = null;
        try {
            broker = brokerOptions.join(home);
            PipelineRunner runner = consumers < 1 ? null : PipelineRunner.start(db, broker, home.home(),
                    GeneratorRegistry.load(), PipelineOptions.DEFAULT.withConsumers(consumers));
            return new PipelineSession(db, broker, runner);
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            db.close();
            throw e;
        }
    }

    /** Waits for the machine stages of the run, drawing a bar of images past them. */
    boolean awaitMachineStages(long runId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ProgressBar bar = ProgressBar.onStderr("pipeline")) {
            while (true) {
                RunCounts c = runner.counts(runId);
                int pending = c.count(ImageState.PLANNED) - c.failed(ImageState.PLANNED)
                        + c.count(ImageState.ANNOTATED) - c.failed(ImageState.ANNOTATED);
                bar.update(c.total() - pending, c.total());
                if (runner.awaitIdle(runId, Duration.ofMillis(500))) {
                    bar.update(c.total(), c.total());
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
            }
        }
    }

    static void printCounts(PrintWriter out, String run, RunCounts c) {
        StringBuilder line = new StringBuilder("  " + run + ": " + c.total() + " images —");
        for (ImageState s : ImageState.values()) {
            if (c.count(s) > 0) {
                line.append(' ').append(s).append(' ').append(c.count(s));
                if (c.failed(s) > 0) {
                    line.append(" (").append(c.failed(s)).append(" failed)");
                }
            }
        }
        out.println(line);
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
        broker.close();
        database.close();
    }
}
