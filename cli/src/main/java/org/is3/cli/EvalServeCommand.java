package org.is3.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.is3.db.Database;
import org.is3.eval.server.EvalServer;
import org.is3.eval.server.EvalService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the eval server: team API, leaderboards (HTML, JSON, CSV), OpenAPI at /openapi and",
            "Swagger UI at /swagger, with in-process scoring workers. Ctrl-C stops it; queued work is kept."})
final class EvalServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    @Mixin
    EvalServerOptions server;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Database db = Database.start(home.databaseConfig());
        EvalService eval;
        try {
            eval = EvalService.start(server.config(home.home()), db.dataSource(), server.workers, server.lease);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        out.println("eval server  http://" + server.host + ":" + eval.port() + "/  (" + eval.workers()
                + " scoring workers; database " + db.jdbcUrl() + ")");
        out.println("Ctrl-C to stop.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            eval.close();
            db.close();
            stopped.countDown();
        }, "is3-shutdown"));
        stopped.await();
        return 0;
    }

    /** Options shared by {@code eval serve} and {@code up}. */
    static final class EvalServerOptions {
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default ${DEFAULT-VALUE}).")
        String host;

        @Option(names = {"--port", "--eval-port"}, defaultValue = "7080",
                description = "Eval server port; 0 picks a free one (default ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--max-upload", defaultValue = "2147483648", paramLabel = "BYTES",
                description = "Largest accepted upload in bytes, streamed to disk (default 2 GiB).")
        long maxUpload;

        @Option(names = "--lease", defaultValue = "60s", paramLabel = "DURATION",
                converter = EvalWorkerCommand.DurationConverter.class,
                description = "Lease of the in-process workers: a job whose worker died is taken over after it (default ${DEFAULT-VALUE}).")
        java.time.Duration lease;

        @Option(names = "--workers", defaultValue = "1",
                description = "In-process scoring workers (default ${DEFAULT-VALUE}); run more with 'is3 eval worker'.")
        int workers;

        EvalServer.Config config(java.nio.file.Path homeDir) {
            return new EvalServer.Config(host, port, homeDir, maxUpload, Runtime.getRuntime().availableProcessors());
        }
    }
}
