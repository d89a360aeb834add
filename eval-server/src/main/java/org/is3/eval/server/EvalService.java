package org.is3.eval.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.is3.eval.worker.ScoringWorker;
import org.is3.eval.worker.WorkerSettings;

/**
 * The eval server with its in-process scoring workers: what {@code is3 eval serve} and
 * {@code is3 up} run. More workers may run elsewhere ({@code is3 eval worker}) on the same database.
 */
public final class EvalService implements AutoCloseable {
    private final List<ScoringWorker> workers = new ArrayList<>();
    private final EvalServer server;

    private EvalService(EvalServer.Config config, DataSource dataSource, int inProcessWorkers, Duration lease) {
        for (int i = 0; i < inProcessWorkers; i++) {
            ScoringWorker w = new ScoringWorker(dataSource, config.home(), WorkerSettings.defaults().withLease(lease));
            Thread t = new Thread(w, "is3-" + w.id());
            t.setDaemon(true);
            t.start();
            workers.add(w);
        }
        server = EvalServer.start(config, dataSource, () -> workers.forEach(ScoringWorker::wake));
    }

    public static EvalService start(EvalServer.Config config, DataSource dataSource, int inProcessWorkers) {
        return start(config, dataSource, inProcessWorkers, WorkerSettings.DEFAULT_LEASE);
    }

    /** With the workers' lease: how long a job of a worker that died waits before another takes it. */
    public static EvalService start(EvalServer.Config config, DataSource dataSource, int inProcessWorkers, Duration lease) {
        return new EvalService(config, dataSource, inProcessWorkers, lease);
    }

    public int port() {
        return server.port();
    }

    public int workers() {
        return workers.size();
    }

    @Override
    public void close() {
        server.close();
        workers.forEach(ScoringWorker::close);
    }
}
