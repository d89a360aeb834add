package org.is3.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.is3.core.formats.PredictionSource;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.metrics.LocalizationProtocol;
import org.is3.core.scoring.ScoreOptions;
import org.is3.core.scoring.ScoreReport;
import org.is3.core.scoring.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score localization heatmaps against ground truth, exactly as the reference code does.",
            "Prints a table like the papers' (×100) or, with --json, one JSON object (fractions)."})
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GroundTruthOptions truth;

    @Option(names = "--pred", required = true, paramLabel = "PATH",
            description = "Predictions: a directory of <id>.npy, a .zip of them, an .npz, or an N×224×224 .npy with ids.txt beside it.")
    Path pred;

    @Option(names = "--protocol", defaultValue = "sslalign", paramLabel = "NAME",
            description = "sslalign (default: min-max, strict >) | ezvsl (min-max, >=) | lvs (1 - minmax(-h), >)"
                    + " | lvs-original (lvs, > plus p >= 1). See docs/scoring.md.")
    String protocol;

    @Option(names = "--tau", defaultValue = "0.03", paramLabel = "T",
            description = "Extended benchmarks: heatmaps are cos/T; confidence maps cos ∈ [-1, 1] to [0, 1] (default ${DEFAULT-VALUE}).")
    double tau;

    @Option(names = "--relative-mask",
            description = "Extended benchmarks: SLAVC's relative mask (top 50 % of min-max) instead of s ≥ 0.5.")
    boolean relativeMask;

    @Option(names = "--upsample",
            description = "Accept maps smaller than 224×224 and upsample them (bilinear, align_corners=True, float32);"
                    + " such scores are close to, not bit-identical with, maps the model upsampled itself.")
    boolean upsample;

    @Option(names = "--allow-missing", description = "Score samples without a prediction as failures.")
    boolean allowMissing;

    @Option(names = "--json", description = "Print one JSON object with fractions (not ×100).")
    boolean json;

    @Option(names = "--per-sample", paramLabel = "FILE", description = "Write one CSV row per sample.")
    Path perSample;

    @Option(names = "--threads", paramLabel = "N", description = "Scoring threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        truth.format(); // a bad format name is reported before anything is read
        // the ground truth is parsed on the other core while the predictions are opened
        CompletableFuture<GroundTruthSet> truthFuture = CompletableFuture.supplyAsync(truth::read);
        ScoreOptions options = new ScoreOptions(LocalizationProtocol.fromName(protocol), allowMissing, tau,
                relativeMask, threads == null ? Runtime.getRuntime().availableProcessors() : threads, upsample);
        ScoreReport report;
        try (PredictionSource source = PredictionSource.open(pred);
             ProgressBar bar = ProgressBar.onStderr("scoring")) {
            report = new Scorer(options).score(join(truthFuture), source, bar);
        }
        if (perSample != null) {
            ReportWriter.writePerSample(report, perSample);
        }
        out.print(json ? ReportWriter.json(report) : ReportWriter.table(report, options));
        out.flush();
        return 0;
    }

    /** The future's value, with a failure rethrown as it was thrown (e.g. an InputException). */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
