package org.is3.annotator.segment;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.is3.annotator.mask.MaskIou;

/**
 * A simulated annotator for tests and benchmarks ({@code is3 bench annotate}), following the usual
 * interactive-segmentation protocol (as in NoC@90 evaluations): the first click at the object's
 * most interior pixel; each next click at the most interior pixel of the larger error
 * region, positive where the object was missed, negative where the proposal spilled over.
 */
public final class ClickSimulator {
    private ClickSimulator() {
    }

    public record Outcome(double iou, int clicks, List<Double> ious, List<Long> latencyNanos) {
    }

    public static Outcome run(Segmenter segmenter, BufferedImage image, boolean[] truth, int maxClicks, double target,
                       Optional<PromptBox> box) {
        int w = image.getWidth();
        int h = image.getHeight();
        List<Click> clicks = new ArrayList<>();
        List<Double> ious = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        boolean[] mask = new boolean[w * h];
        double iou = 0;
        boolean[] previous = null;
        for (int n = 1; n <= maxClicks; n++) {
            clicks.add(nextClick(truth, mask, w, h));
            Proposal p = segmenter.propose(new SegmentRequest("img", image, clicks, box, Optional.ofNullable(previous)));
            mask = p.mask();
            nanos.add(p.latencyNanos());
            previous = mask;
            iou = MaskIou.of(mask, truth);
            ious.add(iou);
            if (iou >= target) {
                return new Outcome(iou, n, ious, nanos);
            }
        }
        return new Outcome(iou, maxClicks, ious, nanos);
    }

    public static Click nextClick(boolean[] truth, boolean[] mask, int w, int h) {
        boolean[] missed = new boolean[w * h];
        boolean[] spilled = new boolean[w * h];
        for (int i = 0; i < truth.length; i++) {
            missed[i] = truth[i] && !mask[i];
            spilled[i] = !truth[i] && mask[i];
        }
        int[] fn = deepest(missed, w, h);
        int[] fp = deepest(spilled, w, h);
        return fn[2] >= fp[2] ? new Click(fn[0], fn[1], true) : new Click(fp[0], fp[1], false);
    }

    /** The pixel of the region farthest (chessboard distance) from its outside: {x, y, distance}. */
    public static int[] deepest(boolean[] region, int w, int h) {
        int[] d = new int[w * h];
        int inf = w + h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (!region[i]) {
                    continue;
                }
                int v = inf;
                v = Math.min(v, x > 0 ? d[i - 1] + 1 : 1);
                v = Math.min(v, y > 0 ? d[i - w] + 1 : 1);
                v = Math.min(v, x > 0 && y > 0 ? d[i - w - 1] + 1 : 1);
                v = Math.min(v, x < w - 1 && y > 0 ? d[i - w + 1] + 1 : 1);
                d[i] = v;
            }
        }
        int[] best = {0, 0, 0};
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                int i = y * w + x;
                if (!region[i]) {
                    continue;
                }
                int v = d[i];
                v = Math.min(v, x < w - 1 ? d[i + 1] + 1 : 1);
                v = Math.min(v, y < h - 1 ? d[i + w] + 1 : 1);
                v = Math.min(v, x < w - 1 && y < h - 1 ? d[i + w + 1] + 1 : 1);
                v = Math.min(v, x > 0 && y < h - 1 ? d[i + w - 1] + 1 : 1);
                d[i] = v;
                if (v > best[2]) {
                    best = new int[] {x, y, v};
                }
            }
        }
        return best;
    }
}
