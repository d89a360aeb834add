package org.is3.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.plan.RunConfigReader;
import org.is3.pipeline.store.ImageState;
import org.is3.pipeline.store.RunCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Plan a run from its YAML config (or resume it: images already made are kept) and",
            "run the machine stages here until only human work (verification, annotation) is left.",
            "Config keys: see docs/pipeline.md."})
final class PipelineRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The run's YAML file.")
    Path config;

    @Option(names = "--auto-annotate", description = "Accept the generator's exact masks without people (shapes only).")
    boolean autoAnnotate;

    @Option(names = "--consumers", defaultValue = "1", description = "Parallel consumers per queue here (default ${DEFAULT-VALUE}).")
    int consumers;

    @Option(names = "--no-wait", description = "Only plan and queue; workers (`up`, `pipeline worker`) do the rest.")
    boolean noWait;

    @Option(names = "--timeout", defaultValue = "PT24H", description = "Give up waiting after this ISO-8601 duration (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        RunConfig run = RunConfigReader.read(config);
        if (autoAnnotate) {
            run = run.withAutoAnnotate(true);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (PipelineSession s = PipelineSession.open(home, broker, Math.max(1, consumers))) {
            long runId = s.runner.plan(run);
            out.println("run " + run.name() + " (id " + runId + ") planned and queued");
            out.flush();
            if (noWait) {
                return 0;
            }
            boolean done = s.awaitMachineStages(runId, timeout);
            RunCounts c = s.runner.counts(runId);
            PipelineSession.printCounts(out, run.name(), c);
            int waiting = c.count(ImageState.GENERATED) + c.count(ImageState.APPROVED);
            if (waiting > 0) {
                out.println("  " + waiting + " images wait for people in the annotator (`is3 annotate serve` or `is3 up`)");
            }
            if (c.failed() > 0) {
                out.println("  " + c.failed() + " images failed; reasons: `is3 pipeline status --run " + run.name()
                        + "`; run this command again to retry them");
            }
            return done && c.failed() == 0 ? 0 : 1;
        }
    }
}
