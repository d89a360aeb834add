package org.is3.core.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Streaming accumulator of SSLalignment's {@code Evaluator_iiou} (metrics.md §2–§4): add samples in
 * order, then {@link #compute()}. It keeps two doubles per sample, and one running minimum per IIoU
 * group and variant.
 */
public final class LocalizationMetrics {
    /** {@code Curve.threshold(10)} is exactly 0.5: the cIoU and IIoU success rates are that curve point. */
    private static final int AT_HALF = 10;

    private final DoubleSeries ciou = new DoubleSeries();
    private final DoubleSeries ciouAdap = new DoubleSeries();
    private final Map<String, GroupMin> groups = new HashMap<>();

    /** Adds one sample; {@code id} is the sample name the IIoU group key is taken from. */
    public void add(String id, SampleCIoU s) {
        ciou.add(s.ciou());
        ciouAdap.add(s.ciouAdaptive());
        groups.computeIfAbsent(groupKey(id), k -> new GroupMin()).add(s);
    }

    /** Number of samples added so far. */
    public int size() {
        return ciou.size();
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
        int n = ciou.size();
        if (n == 0) {
            throw new IllegalStateException("no samples to aggregate: the reference divides by the sample count");
        }
        double[] c = ciou.toArray();
        double[] cAdap = ciouAdap.toArray();
        double[] curve = Curve.successRates(c, n);
        double[] curveAdap = Curve.successRates(cAdap, n);
        double[] mins = new double[groups.size()];
        double[] minsAdap = new double[groups.size()];
        int g = 0;
        for (GroupMin m : groups.values()) { // any order: the group curve only counts
            mins[g] = m.ciou;
            minsAdap[g++] = m.ciouAdap;
        }
        double[] groupCurve = groupSuccessRates(mins);
        double[] groupCurveAdap = groupSuccessRates(minsAdap);
        return new LocalizationResult(n, groups.size(),
                curve[AT_HALF], Curve.auc(curve), NumpySum.mean(c),
                curveAdap[AT_HALF], Curve.auc(curveAdap), NumpySum.mean(cAdap),
                groupCurve[AT_HALF], groupCurveAdap[AT_HALF], Curve.auc(groupCurve), Curve.auc(groupCurveAdap));
    }

    /**
     * Mean over groups of 1[min ≥ x_i]; a NaN member makes its group, and so every point, NaN (§4),
     * where a per-sample curve counts NaN as a failure.
     */
    private static double[] groupSuccessRates(double[] mins) {
        for (double m : mins) {
            if (Double.isNaN(m)) {
                double[] nan = new double[Curve.POINTS];
                Arrays.fill(nan, Double.NaN);
                return nan;
            }
        }
        return Curve.successRates(mins, mins.length);
    }

    /** A group's running minima; min over members of 1[c ≥ x] is 1[min c ≥ x] (§4). */
    private static final class GroupMin {
        private double ciou = Double.POSITIVE_INFINITY;
        private double ciouAdap = Double.POSITIVE_INFINITY;

        /** Math.min propagates NaN like np.min. */
        void add(SampleCIoU s) {
            ciou = Math.min(ciou, s.ciou());
            ciouAdap = Math.min(ciouAdap, s.ciouAdaptive());
        }
    }
}
