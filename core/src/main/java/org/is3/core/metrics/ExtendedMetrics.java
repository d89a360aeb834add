package org.is3.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GtMap;

/**
 * SLAVC's {@code EvaluatorFull} for benchmarks with negatives (metrics.md §5): the per-sample
 * pipeline of its {@code test.py} ({@link #score}, {@link #confidence}) and the accumulator whose
 * {@link #compute()} gives AP, the F1 list, Precision (LocAcc on {@code visible}) and AUC per subset
 * and IoU threshold. Every result is independent of the sample order.
 */
public final class ExtendedMetrics {
    /** SLAVC's IoU thresholds θ. */
    public static final List<Double> SLAVC_IOU_THRESHOLDS = List.of(0.5, 0.75);
    /** SLAVC's temperature: heatmaps are in units of cos/τ. */
    public static final double SLAVC_TAU = 0.03;

    private final List<Double> iouThresholds;
    private final List<Entry> samples = new ArrayList<>();

    /** SLAVC's evaluator, θ ∈ {0.5, 0.75}. */
    public ExtendedMetrics() {
        this(SLAVC_IOU_THRESHOLDS);
    }

    /** With other IoU thresholds, e.g. {0.5} as in SSLalignment's copy. */
    public ExtendedMetrics(List<Double> iouThresholds) {
        this.iouThresholds = List.copyOf(iouThresholds);
    }

    /**
     * Adds one sample. {@code boxCount} is SLAVC's {@code bb} (0 = negative); {@code gtArea} is
     * {@code ΣG}. A NaN confidence is rejected: Python's {@code sorted} would then order the F1
     * thresholds by input order, which SLAVC shuffles, so no reference value exists.
     */
    public void add(int boxCount, double ciou, float confidence, double gtArea) {
        if (Float.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence is NaN (a NaN heatmap): the extended metrics are undefined for it");
        }
        if (boxCount < 0) {
            throw new IllegalArgumentException("boxCount < 0: " + boxCount);
        }
        samples.add(new Entry(boxCount, ciou, confidence, gtArea));
    }

    /** Adds a scored sample with its ground truth's box count and area. */
    public void add(GroundTruth gt, ExtendedSample sample) {
        add(gt.boxCount(), sample.ciou(), sample.confidence(), gt.map().sum());
    }

    public int size() {
        return samples.size();
    }

    /** {@code finalize_stats}: every IoU threshold × every subset, in SLAVC's order. */
    public ExtendedResult compute() {
        List<SubsetScores> out = new ArrayList<>();
        for (double theta : iouThresholds) {
            for (ExtendedSubset subset : ExtendedSubset.values()) {
                out.add(scoreSubset(subset, theta));
            }
        }
        return new ExtendedResult(out);
    }

    private SubsetScores scoreSubset(ExtendedSubset subset, double theta) {
        int n = samples.size();
        int m = 0;
        int positives = 0;
        int[] bb = new int[n];
        double[] c = new double[n];
        float[] conf = new float[n];
        double[] positiveCiou = new double[n];
        for (Entry e : samples) {
            if (subset.contains(e.boxCount, e.gtArea)) {
                bb[m] = e.boxCount;
                c[m] = e.ciou;
                conf[m] = e.confidence;
                m++;
                if (e.boxCount > 0) {
                    positiveCiou[positives++] = e.ciou;
                }
            }
        }
        if (m == 0) {
            return SubsetScores.empty(subset, theta);
        }
        ConfidenceSweep sweep = new ConfidenceSweep(
                Arrays.copyOf(bb, m), Arrays.copyOf(c, m), Arrays.copyOf(conf, m), theta);
        double precision = sweep.precisionRecall(-1000)[0];
        double auc = Curve.auc(Curve.successRates(positiveCiou, positives));
        return new SubsetScores(subset, theta, m, precision, sweep.averagePrecision(), auc, sweep.f1List());
    }

    /**
     * SLAVC's scores {@code s = (h − (−1/τ)) / ((1/τ) − (−1/τ))} in float32: numpy casts the two
     * Python-float constants to float32, the width being computed in binary64 first (§5).
     */
    public static float[] scores(float[] h, double tau) {
        CIoU.requireGrid(h, "heatmap");
        if (!(tau > 0) || !Float.isFinite((float) (2.0 / tau))) {
            throw new IllegalArgumentException("tau must be positive with 2/tau finite in float32, got " + tau);
        }
        double lo = -1.0 / tau;
        double hi = 1.0 / tau;
        float lo32 = (float) lo;
        float width32 = (float) (hi - lo);
        float[] s = new float[h.length];
        for (int i = 0; i < h.length; i++) {
            s[i] = (h[i] - lo32) / width32;
        }
        return s;
    }

    /** The confidence of a heatmap in cos/τ units: the top-quarter mean of its {@link #scores}. */
    public static float confidence(float[] h, double tau) {
        return topQuarterMean(scores(h, tau));
    }

    /**
     * {@code np.sort(s)[-n//4:].mean()} in float32: numpy's pairwise float32 sum of the last
     * {@code ⌈n/4⌉} sorted values, divided in float32. NaN sorts last, so a NaN map gives NaN.
     */
    static float topQuarterMean(float[] s) {
        int n = s.length;
        int tail = -Math.floorDiv(-n, 4);
        // Only the top quarter needs its ascending order: select it, then sort just that part.
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = TopSelection.key(s[i]);
        }
        TopSelection.partition(keys, n - tail);
        Arrays.sort(keys, n - tail, n);
        float[] top = new float[tail];
        for (int j = 0; j < tail; j++) {
            top[j] = TopSelection.value(keys[n - tail + j]);
        }
        return NumpySum.sum(top, 0, tail) / tail;
    }

    /** One added sample: SLAVC's {@code bb}, cIoU, confidence and {@code ΣG}. */
    private record Entry(int boxCount, double ciou, float confidence, double gtArea) {
    }

    /**
     * The per-sample work of SLAVC's {@code test.py validate}: confidence, then the cIoU of the absolute
     * mask {@code s ≥ 0.5} or, if {@code relative}, of {@code minmax(s) ≥} its order statistic at 25088.
     */
    public static ExtendedSample score(float[] h, GtMap gt, double tau, boolean relative) {
        float[] s = scores(h, tau);
        float conf = topQuarterMean(s);
        if (!relative) {
            return new ExtendedSample(CIoU.ciou(s, gt, Binarization.INCLUSIVE, 0.5f), conf);
        }
        float[] p = Normalization.MINMAX.apply(s);
        float threshold = CIoU.orderStatistic(p, CIoU.MEDIAN_INDEX);
        return new ExtendedSample(CIoU.ciou(p, gt, Binarization.INCLUSIVE, threshold), conf);
    }
}
