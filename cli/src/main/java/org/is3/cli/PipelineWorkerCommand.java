package org.is3.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Consume the pipeline's queues (generate, pair audio) until Ctrl-C: run one per GPU host,",
            "pointed at the shared PostgreSQL (--db-url) and broker (--broker-url). A worker that dies loses nothing."})
final class PipelineWorkerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--consumers", defaultValue = "1", description = "Parallel consumers per queue (default ${DEFAULT-VALUE}).")
    int consumers;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PipelineSession s = PipelineSession.open(home, broker, Math.max(1, consumers));
        out.println("is3 pipeline worker — database " + s.database.jdbcUrl() + ", broker "
                + (s.broker.config().embedded() ? "embedded " + s.broker.config().brokerDirectory() : s.broker.config().url())
                + "; Ctrl-C to stop.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("is3: stopping the pipeline worker …");
            s.close();
            stopped.countDown();
        }, "is3-pipeline-worker-shutdown"));
        stopped.await();
        return 0;
    }
}
