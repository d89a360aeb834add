package org.is3.core.metrics;

import java.util.Objects;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;

/**
 * vssl_eval's silence / noise / off-screen evaluation (metrics.md §7; xavijuanola/vssl_eval
 * {@code eval.py} with {@code cal_CIOU}, {@code compute_pIA}, {@code compute_AUC_pIA},
 * {@code compute_IOU_maps}, {@code compute_f} and {@code compute_metrics} of
 * {@code utils_dir/eval_utils.py}), for the maps without object guidance ({@code _wogl}).
 *
 * <p>Per image: the raw (un-normalised) float32 positive heatmap, its GT and the raw heatmaps the
 * model gave for the same image with silent, noise and off-screen audio. One threshold T per image
 * (see {@link NegativeThreshold}) binarises all four maps as {@code h > T}. A streaming accumulator:
 * {@link #add} per image (in the reference's order: the order decides the last bits of the means),
 * then {@link #compute}.
 *
 * <p>The reference reports the positives' mean cIoU/AUC only for universal thresholds, pairs the masks
 * for the IoU only at universal and {@code _thrciouadap} thresholds, and forms the F-combinations only
 * at the per-model {@code maxq3} constant. This class applies the same arithmetic at whatever rule it
 * is given, so every rule yields the same record; pass {@code universal(maxq3)} to get the numbers
 * {@code eval.py} prints as {@code F_Pos_Neg} and {@code F_AUC_AOC_Pos_Neg}.
 */
public final class NegativeAudioMetrics {
    private final NegativeThreshold rule;
    private final DoubleSeries cious = new DoubleSeries();
    private final NegativeSeries silence = new NegativeSeries();
    private final NegativeSeries noise = new NegativeSeries();
    private final NegativeSeries offscreen = new NegativeSeries();

    public NegativeAudioMetrics(NegativeThreshold rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** Adds one image: its positive heatmap and GT, and the heatmaps of its three negatives (224×224 each). */
    public void add(float[] positive, GtMap gt, float[] silenceMap, float[] noiseMap, float[] offscreenMap) {
        CIoU.requireGrid(positive, "positive heatmap");
        CIoU.requireGrid(silenceMap, "silence heatmap");
        CIoU.requireGrid(noiseMap, "noise heatmap");
        CIoU.requireGrid(offscreenMap, "offscreen heatmap");
        Objects.requireNonNull(gt, "gt");
        float t = rule.threshold(positive, gt);
        double ciou = CIoU.ciou(positive, gt, Binarization.STRICT, t); // cal_CIOU with mask {h > T}
        // eval.py appends 0 in place of NaN (empty GT and empty mask) for these thresholds
        cious.add(Double.isNaN(ciou) ? 0.0 : ciou);
        silence.add(positive, silenceMap, t);
        noise.add(positive, noiseMap, t);
        offscreen.add(positive, offscreenMap, t);
    }

    /** Number of images added so far. */
    public int samples() {
        return cious.size();
    }

    /** The percentages {@code compute_metrics} derives from the lists gathered so far. */
    public NegativeAudioResult compute() {
        if (cious.size() == 0) {
            throw new IllegalStateException("no image was added: the reference's means would be NaN");
        }
        double[] c = cious.toArray();
        double meanCIoU = NumpySum.mean(c) * 100;
        double auc = Curve.auc(Curve.successRates(c, c.length)) * 100; // compute_AUC
        NegativeTypeResult s = silence.result(meanCIoU, auc);
        NegativeTypeResult n = noise.result(meanCIoU, auc);
        NegativeTypeResult o = offscreen.result(meanCIoU, auc);
        double piaMeanNeg = NumpySum.mean(new double[] {100 - s.pIA(), 100 - n.pIA(), 100 - o.pIA()});
        double aocMeanNeg = NumpySum.mean(new double[] {s.aucPIA(), n.aucPIA(), o.aucPIA()});
        return new NegativeAudioResult(c.length, meanCIoU, auc, s, n, o, harmonic(meanCIoU, piaMeanNeg),
                harmonic(auc, aocMeanNeg));
    }

    /** {@code compute_f}: 2ab/(a + b) in binary64, NaN when both are 0. */
    static double harmonic(double a, double b) {
        return 2 * (a * b) / (a + b);
    }

    /** The pIA and positive/negative IoU lists of one negative type. */
    private static final class NegativeSeries {
        private final DoubleSeries pia = new DoubleSeries();
        private final DoubleSeries iou = new DoubleSeries();

        void add(float[] positive, float[] negative, float t) {
            int pos = 0;
            int neg = 0;
            int both = 0;
            for (int i = 0; i < Grid.PIXELS; i++) {
                boolean p = positive[i] > t;
                boolean n = negative[i] > t;
                if (p) {
                    pos++;
                }
                if (n) {
                    neg++;
                    if (p) {
                        both++;
                    }
                }
            }
            pia.add((double) neg / Grid.PIXELS);
            iou.add(mapIoU(pos, neg, both));
        }

        /** {@code compute_IOU_maps(positive, negative)}. */
        private static double mapIoU(int pos, int neg, int both) {
            if (neg == 0 && pos > 0) {
                return 0.0;
            }
            if (neg == 0) {
                return 1.0;
            }
            return (double) both / (double) (pos + neg - both);
        }

        NegativeTypeResult result(double meanCIoU, double auc) {
            double[] p = pia.toArray();
            double meanPIA = NumpySum.mean(p) * 100;
            double aoc = Curve.auc(Curve.atMostRates(p, p.length)) * 100; // compute_AUC_pIA
            double meanIoU = NumpySum.mean(iou.toArray()) * 100;
            return new NegativeTypeResult(meanPIA, aoc, meanIoU, harmonic(meanCIoU, 100 - meanPIA),
                    harmonic(auc, aoc));
        }
    }
}
