package org.is3.core.metrics;

import java.util.List;
import org.is3.core.gt.GtMap;

/**
 * The original AVSBench S4/MS3 protocol on logits (metrics.md §6b; OpenNLPLab/AVSBench
 * {@code avs_scripts/avs_s4/utils/utility.py} {@code mask_iou}, {@code _eval_pr}, {@code Eval_Fmeasure},
 * {@code utils/pyutils.py} {@code AverageMeter}, {@code test.py}). A streaming accumulator: one
 * {@link #addBatch} per test batch (S4/MS3 {@code test.sh}: 4 videos × 5 frames = 20 frames), in order,
 * then {@link #compute}.
 *
 * <p>All arithmetic is torch float32 (see {@link TorchFloat32} for the sigmoid, the thresholds and the
 * batch sum, and for what a CUDA run may do differently): mask = {sigmoid(logit) > 0.5}; frame IoU as
 * {@link MaskOverlap#iouFloat32}; batch IoU = torch.sum(IoUs)/N; batch F = max over the 255 thresholds of the
 * F curve averaged over the frames with a non-empty GT (0 if there is none); the meters average the
 * batch values, IoU in float32 and F in binary64.
 */
public final class AvsBenchMetrics {
    private float miouSum;
    private double fSum;
    private int batches;

    /** Adds one batch of frames: logits (224×224, row-major) and binary GT masks, in the same order. */
    public AvsBenchBatch addBatch(List<float[]> logits, List<GtMap> masks) {
        if (logits.isEmpty() || logits.size() != masks.size()) {
            throw new IllegalArgumentException("a batch needs as many logit maps as GT masks, and at least one; got "
                    + logits.size() + " logit maps and " + masks.size() + " masks");
        }
        int n = logits.size();
        float[] ious = new float[n];
        float[] fSums = new float[TorchFloat32.PR_POINTS]; // F ≥ +0, so 0 + F is F bit for bit
        int fFrames = 0;
        for (int j = 0; j < n; j++) {
            CIoU.requireGrid(logits.get(j), "frame " + j + " logit map");
            GtMap gt = masks.get(j);
            MaskOverlap.requireBinary(gt, "frame " + j + ": the AVSBench GT");
            float[] p = probabilities(logits.get(j));
            // mask_iou: a tiny positive logit has probability exactly 0.5 and is not selected
            ious[j] = MaskOverlap.of(p, Binarization.STRICT, 0.5f, gt).iouFloat32(gt);
            if (!gt.isEmpty()) {
                float[] f = AvsBenchFMeasure.curve(p, gt);
                for (int i = 0; i < f.length; i++) {
                    fSums[i] += f[i];
                }
                fFrames++;
            }
        }
        float miou = TorchFloat32.sum(ious) / (float) n;
        double f = fFrames == 0 ? 0.0 : maxMean(fSums, fFrames);
        miouSum += miou;
        fSum += f;
        batches++;
        return new AvsBenchBatch(miou, f);
    }

    /** The two {@code AverageMeter} means. */
    public AvsBenchResult compute() {
        if (batches == 0) {
            throw new IllegalStateException("no batch was added: AverageMeter would divide by zero");
        }
        return new AvsBenchResult(miouSum / (float) batches, fSum / batches, batches);
    }

    private static float[] probabilities(float[] logits) {
        float[] p = new float[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = TorchFloat32.sigmoid(logits[i]);
        }
        return p;
    }

    /** {@code score = avg_f / img_num} (float32), then its max. */
    private static double maxMean(float[] sums, int frames) {
        float best = Float.NEGATIVE_INFINITY;
        for (float s : sums) {
            best = Math.max(best, s / (float) frames);
        }
        return best;
    }
}
