package org.is3.annotator.work;

import java.util.List;
import org.is3.annotator.mask.MaskIou;

/**
 * Agreement of k overlapping masks of one object: the smallest pairwise IoU, and the medoid (the
 * mask with the largest summed IoU to the others, the first on ties), which becomes the accepted
 * mask when they agree.
 */
public record Agreement(double minIou, StoredMask medoid) {

    public static Agreement of(List<StoredMask> masks) {
        if (masks.isEmpty()) {
            throw new IllegalArgumentException("agreement of no masks");
        }
        int n = masks.size();
        if (n == 1) {
            return new Agreement(1.0, masks.get(0));
        }
        boolean[][] decoded = new boolean[n][];
        for (int i = 0; i < n; i++) {
            decoded[i] = masks.get(i).rle().decode();
        }
        double min = 1.0;
        double[] sums = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double iou = MaskIou.of(decoded[i], decoded[j]);
                min = Math.min(min, iou);
                sums[i] += iou;
                sums[j] += iou;
            }
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (sums[i] > sums[best]) {
                best = i;
            }
        }
        return new Agreement(min, masks.get(best));
    }

    public boolean agrees(double threshold) {
        return minIou >= threshold;
    }
}
