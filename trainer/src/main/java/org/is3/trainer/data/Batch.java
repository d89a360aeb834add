package org.is3.trainer.data;

import java.util.List;

/**
 * One training batch as flat float arrays (C order): B images 3×S×S and B spectrograms 1×257×T per
 * view, and K negative-audio spectrograms (silence, noise alternating). The semantically similar views
 * are null when the run uses no neighbour positives; {@code negatives} is empty when K = 0.
 */
public record Batch(long step, List<String> ids, float[] images, float[] imagesAug, float[] imagesConc,
                   float[] audio, float[] audioAug, float[] audioConc, float[] negatives, int negativeCount) {

    public int size() {
        return ids.size();
    }

    public boolean hasConc() {
        return imagesConc != null;
    }
}
