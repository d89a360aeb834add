package org.is3.core.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Streaming accumulator of SSLalignment's {@code Evaluator_iiou} (metrics.md §2–§4): add samples in
 * order, then {@link #compute()}. It keeps two doubles and a group index per sample, and one running
 * minimum per IIoU group and variant.
 */
public final class LocalizationMetrics {
    private double[] ciou = new double[256];
    private double[] ciouAdap = new double[256];
    private int n;

    private final Map<String, Integer> groupIndex = new HashMap<>();
    private double[] groupMin = new double[64];
    private double[] groupMinAdap = new double[64];
    private int nGroups;

    /** Adds one sample; {@code id} is the sample name the IIoU group key is taken from. */
    public void add(String id, SampleCIoU s) {
        if (n == ciou.length) {
            ciou = Arrays.copyOf(ciou, 2 * n);
            ciouAdap = Arrays.copyOf(ciouAdap, 2 * n);
        }
        ciou[n] = s.ciou();
        ciouAdap[n] = s.ciouAdaptive();
        n++;
        Integer g = groupIndex.get(groupKey(id));
        if (g == null) {
            addGroup(groupKey(id), s);
        } else {
            // min over members of 1[c ≥ x] is 1[min c ≥ x]; Math.min propagates NaN like np.min (§4)
            groupMin[g] = Math.min(groupMin[g], s.ciou());
            groupMinAdap[g] = Math.min(groupMinAdap[g], s.ciouAdaptive());
        }
    }

    private void addGroup(String key, SampleCIoU s) {
        if (nGroups == groupMin.length) {
            groupMin = Arrays.copyOf(groupMin, 2 * nGroups);
            groupMinAdap = Arrays.copyOf(groupMinAdap, 2 * nGroups);
        }
        groupIndex.put(key, nGroups);
        groupMin[nGroups] = s.ciou();
        groupMinAdap[nGroups] = s.ciouAdaptive();
        nGroups++;
    }

    /** Number of samples added so far. */
    public int size() {
        return n;
    }

    /**
     * The IIoU group key of {@code test.py} (§4): the basename after the last {@code /}, every
     * {@code .jpg} removed, then everything before the last {@code _}; a name without {@code _} has
     * the empty key.
     */
    public static String groupKey(String id) {
        String base = id.substring(id.lastIndexOf('/') + 1).replace(".jpg", "");
        int cut = base.lastIndexOf('_');
        return cut < 0 ? "" : base.substring(0, cut);
    }

    /** The aggregates over all samples added so far. */
    public LocalizationResult compute() {
        if (n == 0) {
            throw new IllegalStateException("no samples to aggregate: the reference divides by the sample count");
        }
        double[] curve = Curve.successRates(ciou, n);
        double[] curveAdap = Curve.successRates(ciouAdap, n);
        double[] groupCurve = groupSuccessRates(groupMin);
        double[] groupCurveAdap = groupSuccessRates(groupMinAdap);
        return new LocalizationResult(n, nGroups,
                successRate(ciou), Curve.auc(curve), NumpySum.sum(ciou, 0, n) / n,
                successRate(ciouAdap), Curve.auc(curveAdap), NumpySum.sum(ciouAdap, 0, n) / n,
                groupSuccessRate(groupMin, 0.5), groupSuccessRate(groupMinAdap, 0.5),
                Curve.auc(groupCurve), Curve.auc(groupCurveAdap));
    }

    /** {@code np.sum(c >= 0.5) / len(c)}: NaN counts as a failure (§2). */
    private double successRate(double[] values) {
        long passed = 0;
        for (int i = 0; i < n; i++) {
            if (values[i] >= 0.5) {
                passed++;
            }
        }
        return (double) passed / n;
    }

    private double[] groupSuccessRates(double[] mins) {
        double[] y = new double[Curve.POINTS];
        for (int i = 0; i < Curve.POINTS; i++) {
            y[i] = groupSuccessRate(mins, Curve.threshold(i));
        }
        return y;
    }

    /** Mean over groups of 1[min ≥ x]; a NaN member makes its group, and so the mean, NaN (§4). */
    private double groupSuccessRate(double[] mins, double x) {
        long passed = 0;
        for (int g = 0; g < nGroups; g++) {
            if (Double.isNaN(mins[g])) {
                return Double.NaN;
            }
            if (mins[g] >= x) {
                passed++;
            }
        }
        return (double) passed / nGroups;
    }
}
