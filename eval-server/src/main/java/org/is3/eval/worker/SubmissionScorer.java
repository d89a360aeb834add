package org.is3.eval.worker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.is3.core.InputException;
import org.is3.core.formats.PredictionSource;
import org.is3.core.scoring.Progress;
import org.is3.core.scoring.SampleResult;
import org.is3.core.scoring.ScoreOptions;
import org.is3.core.scoring.ScoreReport;
import org.is3.core.scoring.Scorer;
import org.is3.eval.queue.SampleScore;
import org.is3.eval.queue.SplitResult;

/**
 * Scores one submission against every split of its benchmark with core's {@link Scorer}, split by
 * split, each in its ground-truth order. A submission must predict exactly the benchmark's samples:
 * missing and extra ids are both refused, by name, before anything is scored.
 */
final class SubmissionScorer {
    /** How many ids an error lists before it counts the rest. */
    static final int LISTED = 20;

    private final int threads;

    SubmissionScorer(int threads) {
        this.threads = threads;
    }

    /**
     * @param upsample accept maps smaller than 224×224 and upsample them (the upload was accepted so)
     * @param label names the submission in error messages, e.g. {@code submission 12}
     * @throws InputException when ids are missing or extra, or a map is malformed (wrong shape, NaN)
     */
    List<SplitResult> score(BenchmarkTruth benchmark, PredictionSource predictions, boolean upsample, String label) {
        checkCoverage(benchmark, predictions.ids(), label);
        ScoreOptions options = new ScoreOptions(benchmark.protocol(), false, benchmark.tau(), false, threads, upsample);
        Scorer scorer = new Scorer(options);
        List<SplitResult> results = new ArrayList<>();
        for (SplitTruth split : benchmark.splits()) {
            SplitSource source = new SplitSource(predictions, split.truth().ids(),
                    label + ", split " + split.name());
            ScoreReport report = scorer.score(split.truth(), source, Progress.NONE);
            String metrics = MetricsJson.toJson(MetricsJson.withCurves(report));
            results.add(new SplitResult(split.id(), metrics, split.dev() ? perSample(report) : List.of()));
        }
        return results;
    }

    private static List<SampleScore> perSample(ScoreReport report) {
        List<SampleScore> samples = new ArrayList<>(report.samples().size());
        for (SampleResult s : report.samples()) {
            samples.add(new SampleScore(s.id(), s.ciou(), s.ciouAdaptive()));
        }
        return samples;
    }

    static void checkCoverage(BenchmarkTruth benchmark, List<String> predicted, String label) {
        Set<String> have = new HashSet<>(predicted);
        Set<String> known = new HashSet<>();
        List<String> missing = new ArrayList<>();
        for (SplitTruth split : benchmark.splits()) {
            for (String id : split.truth().ids()) {
                known.add(id);
                if (!have.contains(id)) {
                    missing.add(id);
                }
            }
        }
        List<String> extra = predicted.stream().filter(id -> !known.contains(id)).toList();
        if (missing.isEmpty() && extra.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(label).append(" does not match benchmark ").append(benchmark.name())
                .append(" (").append(benchmark.samples()).append(" samples)");
        if (!missing.isEmpty()) {
            sb.append("; ").append(count(missing.size(), "sample")).append(" without a prediction: ").append(list(missing));
        }
        if (!extra.isEmpty()) {
            sb.append("; ").append(count(extra.size(), "predicted id")).append(" not in the benchmark: ").append(list(extra));
        }
        throw new InputException(sb.toString());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String list(List<String> ids) {
        String shown = String.join(", ", ids.subList(0, Math.min(LISTED, ids.size())));
        return ids.size() > LISTED ? shown + " … and " + (ids.size() - LISTED) + " more" : shown;
    }
}
