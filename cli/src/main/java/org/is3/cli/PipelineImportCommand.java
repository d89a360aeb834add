package org.is3.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.is3.pipeline.importer.Is3Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import-is3", mixinStandardHelpOptions = true,
        description = {"Import a published IS3 directory (images/, gt_segmentation/, audio_wav/) as already-annotated",
            "images, then pair each instance's own clip with silence, noise and off-screen negatives.",
            "Export the result with `is3 pipeline export --run NAME --out DIR` to get IS3+."})
final class PipelineImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The IS3 directory.")
    Path dir;

    @Option(names = "--run", defaultValue = "is3", paramLabel = "NAME", description = "Run to import into (default ${DEFAULT-VALUE}).")
    String run;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the negative draws (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (PipelineSession s = PipelineSession.open(home, broker, 1)) {
            Is3Importer.Result r;
            try (ProgressBar bar = ProgressBar.onStderr("import")) {
                r = new Is3Importer(s.database.dataSource(), home.home()).importDir(dir, run, seed, bar);
            }
            out.println("imported " + r.images() + " images (" + r.newImages() + " new), " + r.instances()
                    + " instances from " + dir + " into run " + run);
            out.flush();
            boolean done = s.awaitMachineStages(r.runId(), Duration.ofHours(24));
            PipelineSession.printCounts(out, run, s.runner.counts(r.runId()));
            return done && s.runner.counts(r.runId()).failed() == 0 ? 0 : 1;
        }
    }
}
