package org.is3.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.is3.pipeline.export.ReleaseVerifier;
import org.is3.pipeline.export.ReleaseWriter;
import org.is3.pipeline.store.ReleaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the run's paired images as the next versioned IS3+ release (format: docs/release-format.md)",
            "and mark them RELEASED. The directory must be new or empty; it appears only when complete."})
final class PipelineExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--run", required = true, paramLabel = "NAME", description = "The run to release.")
    String run;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The release directory to write.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        try (PipelineSession s = PipelineSession.open(home, broker, 0)) {
            ReleaseStore.Release r = export(s, home, run, out);
            report(pw, r, out);
        }
        return 0;
    }

    static ReleaseStore.Release export(PipelineSession s, HomeOptions home, String run, Path out) {
        try (ProgressBar bar = ProgressBar.onStderr("export")) {
            return new ReleaseWriter(s.database.dataSource(), home.home()).write(run, out, bar);
        }
    }

    static void report(PrintWriter pw, ReleaseStore.Release r, Path out) {
        List<String> problems = ReleaseVerifier.verify(out.toAbsolutePath());
        pw.println("release v" + r.version() + " written to " + r.path() + ": " + r.images() + " images, "
                + r.instances() + " instances, " + 4 * r.instances() + " clips; manifest sha256 " + r.manifestSha256()
                + (problems.isEmpty() ? " (checksums verified)" : ""));
        problems.forEach(p -> pw.println("  PROBLEM " + p));
    }
}
