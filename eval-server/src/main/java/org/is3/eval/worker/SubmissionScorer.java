package org.is3.eval.worker;

import org.is3.core.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.is3.core.InputException;
import org.is3.core.formats.PredictionSource;
import org.is3.core.scoring.Progress;
import org.is3.core.scoring.SampleResult;
import org.is3.core.scoring.ScoreJson;
import org.is3.eval.embedding.EmbeddingMetrics;
import org.is3.core.scoring.ScoreOptions;
import org.is3.core.scoring.ScoreReport;
import org.is3.core.scoring.Scorer;
import org.is3.eval.queue.ScoredSample;
import org.is3.eval.queue.ScoredSplit;
import org.is3.eval.store.BenchmarkTruth;
import org.is3.eval.store.LoadedSplit;

/**
 * Scores one submission against every split of its benchmark with core's {@link Scorer}, split by
 * split, each in its ground-truth order. A submission must predict exactly the benchmark's samples:
 * missing and extra ids are both refused, by name, before anything is scored.
 */
final class SubmissionScorer {
    private final int threads;

    SubmissionScorer(int threads) {
        this.threads = threads;
    }

    /**
     * @param upsample accept maps smaller than 224×224 and upsample them (the upload was accepted so)
     * @param label names the submission in error messages, e.g. {@code submission 12}
     * @throws InputException when ids are missing or extra, or a map is malformed (wrong shape, NaN)
     */
    List<ScoredSplit> score(BenchmarkTruth benchmark, PredictionSource predictions, boolean upsample, String label) {
        return score(benchmark, predictions, null, null, upsample, label);
    }

    /**
     * As above, adding the retrieval and feature-space metrics of the submission's embeddings to
     * every split when both are given (null: none were uploaded).
     */
    List<ScoredSplit> score(BenchmarkTruth benchmark, PredictionSource predictions, PredictionSource audio,
                            PredictionSource visual, boolean upsample, String label) {
        checkCoverage(benchmark, predictions.ids(), label);
        ScoreOptions options = new ScoreOptions(benchmark.protocol(), false, benchmark.tau(), false, threads, upsample);
        Scorer scorer = new Scorer(options);
        List<ScoredSplit> results = new ArrayList<>();
        for (LoadedSplit split : benchmark.splits()) {
            SplitSource source = new SplitSource(predictions, split.truth().ids(),
                    label + ", split " + split.name());
            ScoreReport report = scorer.score(split.truth(), source, Progress.NONE);
            Map<String, Object> values = ScoreJson.withCurves(report);
            if (audio != null && visual != null) {
                values.putAll(EmbeddingMetrics.compute(audio, visual, split.truth()));
            }
            String metrics = ScoreJson.toJson(values);
            results.add(new ScoredSplit(split.id(), metrics, split.dev() ? perSample(report) : List.of()));
        }
        return results;
    }

    /**
     * The benchmark, when every split has samples to score against.
     *
     * @throws InputException when it has no splits or a split has no samples
     */
    static BenchmarkTruth requireSamples(BenchmarkTruth benchmark) {
        if (benchmark.splits().isEmpty()) {
            throw new InputException("benchmark " + benchmark.name() + " has no splits to score against");
        }
        for (LoadedSplit split : benchmark.splits()) {
            if (split.truth().isEmpty()) {
                throw new InputException("split " + split.name() + " of benchmark " + benchmark.name()
                        + " has no samples");
            }
        }
        return benchmark;
    }

    private static List<ScoredSample> perSample(ScoreReport report) {
        List<ScoredSample> samples = new ArrayList<>(report.samples().size());
        for (SampleResult s : report.samples()) {
            samples.add(new ScoredSample(s.id(), s.ciou(), s.ciouAdaptive()));
        }
        return samples;
    }

    static void checkCoverage(BenchmarkTruth benchmark, List<String> predicted, String label) {
        Set<String> have = new HashSet<>(predicted);
        Set<String> known = new HashSet<>();
        List<String> missing = new ArrayList<>();
        for (LoadedSplit split : benchmark.splits()) {
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
            sb.append("; ").append(count(missing.size(), "sample")).append(" without a prediction: ")
                    .append(Problems.ids(missing));
        }
        if (!extra.isEmpty()) {
            sb.append("; ").append(count(extra.size(), "predicted id")).append(" not in the benchmark: ")
                    .append(Problems.ids(extra));
        }
        throw new InputException(sb.toString());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
