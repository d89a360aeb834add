package org.is3.core.scoring;

import org.is3.core.Problems;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.is3.core.InputException;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.PredictionSource;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.CIoUKernel;
import org.is3.core.metrics.ExtendedMetrics;
import org.is3.core.metrics.ExtendedResult;
import org.is3.core.metrics.ExtendedSample;
import org.is3.core.metrics.LocalizationMetrics;
import org.is3.core.metrics.NegativeAudioResult;
import org.is3.core.metrics.SampleCIoU;

/**
 * Scores a prediction set against ground truth: localization over the positives (metrics.md §2–§4),
 * SLAVC's extended metrics when there are non-sounding samples (§5), vssl_eval's negative-audio
 * metrics when there are silence / noise / off-screen samples (§7). Samples in parallel, aggregates in ground-truth
 * order so every sum runs in the reference's order. Bad input is collected over the whole set and
 * reported at once (first {@value Problems#SHOWN}, then a count) before anything is aggregated.
 */
public final class Scorer {
    private final ScoreOptions options;

    public Scorer(ScoreOptions options) {
        this.options = options;
    }

    public ScoreReport score(GroundTruthSet truth, PredictionSource predictions, Progress progress) {
        Heatmaps.checkIds(truth.ids(), predictions, options.allowMissing());
        List<GroundTruth> samples = truth.samples();
        // SLAVC's extended metrics (metrics.md §5) are defined for mismatched non-sounding pairs only;
        // IS3+'s silence / noise / off-screen samples get vssl_eval's §7 metrics instead
        boolean extended = samples.stream().anyMatch(g -> g.kind() == SampleKind.NON_SOUNDING);
        SampleResult[] results = new SampleResult[samples.size()];
        String[] problems = new String[samples.size()];
        AtomicInteger done = new AtomicInteger();
        ThreadLocal<CIoUKernel> kernels = ThreadLocal.withInitial(() -> new CIoUKernel(options.protocol()));
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[Grid.PIXELS]);
        Set<String> available = new HashSet<>(predictions.ids());
        Parallel.forEach(samples.size(), options.threads(), i -> {
            GroundTruth gt = samples.get(i);
            try {
                results[i] = available.contains(gt.id())
                        ? scoreOne(gt, predictions.read(gt.id(), buffers.get()), kernels.get(), extended)
                        : missing(gt, extended);
            } catch (InputException e) {
                problems[i] = gt.id() + ": " + e.getMessage();
            }
            progress.update(done.incrementAndGet(), samples.size());
        });
        Problems.throwIfAny("predictions in " + predictions.describe(),
                Arrays.stream(problems).filter(p -> p != null).toList());
        ScoreReport report = aggregate(samples, Arrays.asList(results), extended);
        NegativeAudioResult negativeAudio = NegativeAudioPass.compute(truth, predictions, options);
        return negativeAudio == null ? report : new ScoreReport(report.localization(), report.extended(),
                report.samples(), report.missing(), negativeAudio);
    }

    private SampleResult scoreOne(GroundTruth gt, NpyArray array, CIoUKernel kernel, boolean extended) {
        float[] map = Heatmaps.toGrid(array, options.upsample());
        SampleCIoU s = kernel.score(map, gt.map());
        if (!kernel.lastMapFinite()) {
            throw Heatmaps.nonFinite(map, Grid.SIZE);
        }
        if (!extended) {
            return new SampleResult(gt.id(), gt.kind(), false, s.ciou(), s.ciouAdaptive(), Double.NaN, Float.NaN);
        }
        ExtendedSample e = ExtendedMetrics.score(map, gt.map(), options.tau(), options.relativeMask());
        return new SampleResult(gt.id(), gt.kind(), false, s.ciou(), s.ciouAdaptive(), e.ciou(), e.confidence());
    }

    private static SampleResult missing(GroundTruth gt, boolean extended) {
        return new SampleResult(gt.id(), gt.kind(), true, 0.0, 0.0, extended ? 0.0 : Double.NaN,
                extended ? Float.NEGATIVE_INFINITY : Float.NaN);
    }

    /** Aggregates in ground-truth order: localization over positives, extended over positives and non-sounding. */
    private static ScoreReport aggregate(List<GroundTruth> truth, List<SampleResult> results, boolean extended) {
        LocalizationMetrics localization = new LocalizationMetrics();
        ExtendedMetrics ext = extended ? new ExtendedMetrics() : null;
        int missing = 0;
        for (int i = 0; i < results.size(); i++) {
            SampleResult r = results.get(i);
            missing += r.missing() ? 1 : 0;
            if (r.kind() == SampleKind.POSITIVE) {
                localization.add(r.id(), new SampleCIoU(r.ciou(), r.ciouAdaptive()));
            }
            if (ext != null && (r.kind() == SampleKind.POSITIVE || r.kind() == SampleKind.NON_SOUNDING)) {
                ext.add(truth.get(i), new ExtendedSample(r.extendedCIoU(), r.confidence()));
            }
        }
        ExtendedResult extendedResult = ext == null ? null : ext.compute();
        return new ScoreReport(localization.compute(), extendedResult, results, missing);
    }
}
