package org.is3.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.is3.pipeline.plan.AudioConfig;
import org.is3.pipeline.plan.DemoRun;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.store.ReleaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole flow on the CPU shapes world: plan, generate, auto-annotate (exact masks),",
            "pair synthetic sounds plus silence/noise/off-screen negatives, and export a release to --out."})
final class PipelineDemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--images", defaultValue = "" + DemoRun.DEFAULT_IMAGES, description = "Images to make (default ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Release directory to write (new or empty).")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the run (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "" + DemoRun.DEFAULT_SIZE, description = "Image side in pixels (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seconds", defaultValue = "" + AudioConfig.DEFAULT_SECONDS, description = "Clip length (default ${DEFAULT-VALUE} s).")
    double seconds;

    @Option(names = "--consumers", defaultValue = "2", description = "Parallel consumers per queue (default ${DEFAULT-VALUE}).")
    int consumers;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        RunConfig config = DemoRun.config(images, seed, size, true, seconds);
        try (PipelineSession s = PipelineSession.open(home, broker, Math.max(1, consumers))) {
            long runId = s.runner.plan(config);
            pw.println("run " + config.name() + " (id " + runId + "): " + images + " shapes images, "
                    + config.categories().shapes() + " categories, auto-annotated");
            pw.flush();
            boolean done = s.awaitMachineStages(runId, Duration.ofHours(24));
            PipelineSession.printCounts(pw, config.name(), s.runner.counts(runId));
            if (!done || s.runner.counts(runId).failed() > 0) {
                pw.println("some images failed; see `is3 pipeline status --run " + config.name() + "`");
                return 1;
            }
            ReleaseStore.Release r = PipelineExportCommand.export(s, home, config.name(), out);
            PipelineExportCommand.report(pw, r, out);
            pw.println("score it: is3 eval score --gt-format is3plus --gt " + out + " --pred <predictions>");
        }
        return 0;
    }
}
