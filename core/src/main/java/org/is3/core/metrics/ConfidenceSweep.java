package org.is3.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SLAVC's detection counting over confidence thresholds (metrics.md §5), on the samples of one
 * subset: {@code calc_precision_recall}, {@code calc_ap} and the F1 list of {@code finalize_stats}.
 * A sample is detected when its confidence ≥ the threshold.
 */
final class ConfidenceSweep {
    private final int[] boxCount;
    private final double[] ciou;
    private final float[] confidence;
    private final double iouThreshold;
    /**
     * The confidences, ascending. Java orders −0.0 before 0.0 where numpy and Python keep input order,
     * but equal values compare equal against every confidence, so the counts are the same.
     */
    private final float[] ascending;

    ConfidenceSweep(int[] boxCount, double[] ciou, float[] confidence, double iouThreshold) {
        this.boxCount = boxCount;
        this.ciou = ciou;
        this.confidence = confidence;
        this.iouThreshold = iouThreshold;
        this.ascending = confidence.clone();
        Arrays.sort(ascending);
    }

    /**
     * {precision, recall} at one threshold. A detected negative is a FP; a detected positive is a TP
     * if its cIoU ≥ θ and otherwise a FP only (not also a FN); an undetected positive is a FN. Both
     * ratios are 1 when their denominator is 0.
     */
    double[] precisionRecall(double threshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < boxCount.length; i++) {
            boolean detected = confidence[i] >= threshold;
            if (boxCount[i] == 0) {
                fp += detected ? 1 : 0;
            } else if (!detected) {
                fn++;
            } else if (ciou[i] >= iouThreshold) {
                tp++;
            } else {
                fp++;
            }
        }
        double precision = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        return new double[] {precision, recall};
    }

    /**
     * {@code calc_ap}: ascending confidences without the largest, every {@code max(1, n//200)}-th
     * walking down from the second largest; precision replaced by its running maximum from the right;
     * {@code Σ_{j<m−1} P*_j·(R_{j+1} − R_j)} added left to right; 0 when fewer than two thresholds.
     */
    double averagePrecision() {
        int n = ascending.length;
        int skip = Math.max(1, n / 200);
        List<double[]> pr = new ArrayList<>();
        for (int j = n - 2; j >= 0; j -= skip) {
            pr.add(precisionRecall(ascending[j]));
        }
        int m = pr.size();
        double[] precisionMax = new double[m];
        double running = Double.NEGATIVE_INFINITY;
        for (int j = m - 1; j >= 0; j--) {
            running = Math.max(running, pr.get(j)[0]);
            precisionMax[j] = running;
        }
        double ap = 0.0;
        for (int j = 0; j < m - 1; j++) {
            ap += precisionMax[j] * (pr.get(j + 1)[1] - pr.get(j)[1]);
        }
        return ap;
    }

    /** F1 = 2PR/(P+R), or 0 when P+R = 0, at {@code sorted(conf)[::max(1, n//10)]}. */
    List<Double> f1List() {
        int n = ascending.length;
        List<Double> f1 = new ArrayList<>();
        for (int j = 0; j < n; j += Math.max(1, n / 10)) {
            double[] pr = precisionRecall(ascending[j]);
            double p = pr[0];
            double r = pr[1];
            f1.add(r + p > 0 ? 2 * r * p / (r + p) : 0.0);
        }
        return f1;
    }
}
