package org.is3.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.is3.core.formats.PredictionSource;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.gt.GroundTruthReaders;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.scoring.Progress;
import org.is3.core.scoring.ScoreOptions;
import org.is3.core.scoring.ScoreReport;
import org.is3.core.scoring.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Measure the end-to-end scorer on N random 224×224 heatmaps with VGG-SS-style box GT.",
            "Writes <dir>/gt.json and <dir>/pred.npz (uncompressed, ~200 KB a map) once, then scores them",
            "in this JVM and prints heatmaps per second. For the figure with JVM start included, time",
            "the ./is3 eval score command it prints."})
final class BenchScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--n", defaultValue = "5000", description = "Number of heatmaps (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--dir", defaultValue = "${java.io.tmpdir}/is3-bench", paramLabel = "DIR",
            description = "Where the generated files go (default ${DEFAULT-VALUE}); reused when present.")
    Path dir;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the generator (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--runs", defaultValue = "3", description = "Timed scoring runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--threads", paramLabel = "N", description = "Scoring threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        BenchData data = BenchData.ensure(dir, n, seed, out);
        Path gt = data.gt();
        Path pred = data.predictions();
        ScoreOptions options = ScoreOptions.defaults();
        if (threads != null) {
            options = options.withThreads(threads);
        }
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            GroundTruthSet truth = GroundTruthReaders.read(GroundTruthFormat.VGGSS, gt,
                    GroundTruthReaders.Options.defaults());
            double gtSeconds = seconds(t0);
            ScoreReport report;
            try (PredictionSource source = PredictionSource.open(pred)) {
                report = new Scorer(options).score(truth, source, Progress.NONE);
            }
            double total = seconds(t0);
            out.printf(Locale.ROOT, "run %d: %d heatmaps in %.3f s (GT %.3f s) → %.0f heatmaps/s   [cIoU %.4f]%n",
                    run, report.samples().size(), total, gtSeconds, report.samples().size() / total,
                    report.localization().ciou());
        }
        out.printf("end to end with JVM start: time ./is3 eval score --gt %s --gt-format vggss --pred %s --json%n",
                gt, pred);
        out.println("reference (metrics.md, 'Reference speed'): ~750 heatmaps/s for the metrics, ~500/s with GT rasterisation");
        return 0;
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

}
