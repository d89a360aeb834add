package org.is3.core.metrics;

import java.util.List;
import java.util.Objects;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;

/**
 * mIoU and F-score (β² = 0.3) as SSLalignment applied them to localisation heatmaps
 * ({@code Evaluator_miou} in {@code utils.py} before commit f2aab53, with {@code test.py --miou
 * [--adaptive_miou] [--box_or_seg seg]}; metrics.md §6a). A streaming accumulator: one
 * {@link #addBatch} per dataloader batch, in order, then {@link #compute}.
 *
 * <p>Per image the raw, un-normalised float32 heatmap is binarised as {h > t}, with t an order
 * statistic of that heatmap: index 25088 ({@link Threshold#MEDIAN}) or 50176 − int(ΣG)
 * ({@link Threshold#ADAPTIVE}; ΣG is the GT sum, not its non-zero count). For an empty GT the
 * adaptive rule uses int(B/2) with B the size of the image's batch: the reference's bug, kept.
 */
public final class SegmentationMetrics {

    /** Which order statistic of the raw heatmap is the threshold. */
    public enum Threshold {
        /** Index 25088 (the reference's default). */
        MEDIAN,
        /** {@code --adaptive_miou}: index 50176 − int(ΣG), or 50176 − int(B/2) for an empty GT. */
        ADAPTIVE
    }

    /** The GT array type, which decides the arithmetic of the IoU. */
    public enum GtType {
        /** Float64 box maps (binary or Flickr consensus halves): binary64 IoU and means. */
        FLOAT64_MAP,
        /** {@code --box_or_seg seg}: uint8 0/1 masks; torch then computes the IoU and its batch mean in float32. */
        UINT8_MASK
    }

    private final Threshold threshold;
    private final GtType gtType;
    private final DoubleSeries batchMeans = new DoubleSeries();
    private int images;
    private int fImages;
    private float sumFAll;
    private float sumFMask;

    public SegmentationMetrics(Threshold threshold, GtType gtType) {
        this.threshold = Objects.requireNonNull(threshold, "threshold");
        this.gtType = Objects.requireNonNull(gtType, "gtType");
    }

    /**
     * Adds one batch: the raw 224×224 heatmaps and their GT maps, in the same order. The batch size
     * matters (it weighs the batch in the mean, and sets the empty-GT adaptive threshold).
     */
    public void addBatch(List<float[]> heatmaps, List<GtMap> gts) {
        if (heatmaps.isEmpty() || heatmaps.size() != gts.size()) {
            throw new IllegalArgumentException("a batch needs as many heatmaps as GT maps, and at least one; got "
                    + heatmaps.size() + " heatmaps and " + gts.size() + " GT maps");
        }
        int b = heatmaps.size();
        // thresholds first: a rejected image must leave the accumulator untouched
        float[] thresholds = new float[b];
        for (int j = 0; j < b; j++) {
            CIoU.requireGrid(heatmaps.get(j), "batch image " + j + " heatmap");
            GtMap gt = gts.get(j);
            if (gtType == GtType.UINT8_MASK) {
                MaskOverlap.requireBinary(gt, "batch image " + j + ": the uint8 mask GT");
            }
            thresholds[j] = thresholdOf(heatmaps.get(j), gt, b, j);
        }
        double sum64 = 0.0;
        float sum32 = 0f;
        for (int j = 0; j < b; j++) {
            GtMap gt = gts.get(j);
            MaskOverlap c = MaskOverlap.of(heatmaps.get(j), Binarization.STRICT, thresholds[j], gt);
            if (gtType == GtType.FLOAT64_MAP) {
                sum64 += c.iouFloat64(gt);
            } else {
                sum32 += c.iouFloat32(gt);
            }
            if (!gt.isEmpty()) {
                addF(c, gt);
            }
        }
        batchMeans.add(gtType == GtType.FLOAT64_MAP ? sum64 / b : (double) (sum32 / (float) b));
        images += b;
    }

    /** {@code Evaluator_miou.finalize()}: the sum of the batch means over the number of batches, and max F, both × 100. */
    public SegmentationResult compute() {
        int batches = batchMeans.size();
        if (batches == 0) {
            throw new IllegalStateException("no batch was added: the reference's mIoU would be NaN");
        }
        double[] means = batchMeans.toArray();
        double sum;
        if (gtType == GtType.FLOAT64_MAP) {
            sum = NumpySum.sum(means);
        } else {
            float[] f = new float[batches];
            for (int i = 0; i < batches; i++) {
                f[i] = (float) means[i];
            }
            sum = NumpySum.sum(f);
        }
        double miou = sum / batches * 100;
        return new SegmentationResult(miou, fMeasure() * 100, batches, images, fImages);
    }

    /**
     * {@code np.max(np.mean(F, axis=0))}: the axis-0 mean is a sequential float32 sum over images and
     * one float32 division; of the 255 curve points only two are distinct (see {@link #addF}).
     */
    private double fMeasure() {
        if (fImages == 0) {
            return Double.NaN;
        }
        float n = fImages;
        return Math.max(sumFAll / n, sumFMask / n);
    }

    /**
     * The PR curve of {@code Eval_Fmeasure} on the binary mask has two points: threshold 0 selects every
     * pixel (P = ΣG/50176, R = 1); the other 254 thresholds in (0, 1] select the mask (P = TP/|mask|,
     * 0 for an empty mask; R = TP/ΣG). P and R are stored in float32.
     */
    private void addF(MaskOverlap c, GtMap gt) {
        double sumG = gt.sum();
        double tp = c.interHalves() * 0.5;
        float pAll = (float) (sumG / Grid.PIXELS);
        float pMask = c.maskCount() == 0 ? 0f : (float) (tp / c.maskCount());
        float rMask = (float) (tp / sumG);
        sumFAll += SegmentationFMeasure.of(pAll, 1f);
        sumFMask += SegmentationFMeasure.of(pMask, rMask);
        fImages++;
    }

    private float thresholdOf(float[] h, GtMap gt, int batchSize, int j) {
        if (threshold == Threshold.MEDIAN) {
            return CIoU.orderStatistic(h, CIoU.MEDIAN_INDEX);
        }
        // int(gt.sum()), or int(B·1/2): the reference takes pred.shape[0]·pred.shape[1] of the [B,1,H,W] batch
        int m = gt.isEmpty() ? batchSize / 2 : gt.sumHalves() / 2;
        if (m == 0) {
            throw new IllegalArgumentException("batch image " + j + ": the adaptive threshold index would be 50176"
                    + " (GT sum " + gt.sum() + ", batch size " + batchSize + "); the reference fails with an"
                    + " IndexError there");
        }
        return CIoU.orderStatistic(h, Grid.PIXELS - m);
    }
}
