package org.is3.trainer.data;

/**
 * SimCLR-style view augmentation for v_aug and the audio time shift for a_aug.
 *
 * @param minCropScale smallest area fraction of the random resized crop (aspect 3/4..4/3)
 * @param flip         random horizontal flip (p = 0.5)
 * @param jitter       colour jitter strength s: brightness, contrast, saturation in [1−s, 1+s] (p = 0.8)
 * @param hue          hue jitter in turns, [−hue, hue] (applied with the colour jitter)
 * @param grayscale    probability of converting the view to grey
 * @param blur         probability of a Gaussian blur (σ in [0.1, 2.0]·size/224)
 * @param shiftSeconds the clip is rolled circularly by up to ± this many seconds
 */
public record AugmentSpec(double minCropScale, boolean flip, double jitter, double hue, double grayscale,
                          double blur, double shiftSeconds) {

    public AugmentSpec {
        if (!(minCropScale > 0 && minCropScale <= 1)) {
            throw new IllegalArgumentException("augment.minCropScale must be in (0, 1], got " + minCropScale);
        }
        for (double p : new double[] {grayscale, blur}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("augment probabilities must be in [0, 1], got " + p);
            }
        }
        if (!(jitter >= 0) || !(hue >= 0 && hue <= 0.5) || !(shiftSeconds >= 0)) {
            throw new IllegalArgumentException("augment.jitter >= 0, augment.hue in [0, 0.5] and"
                    + " augment.shiftSeconds >= 0 required");
        }
    }

    /** SimCLR's strengths (crop 0.08, jitter 0.4/0.1, grey 0.2, blur 0.5) and a 1-s audio shift. */
    public static AugmentSpec simclr() {
        return new AugmentSpec(0.08, true, 0.4, 0.1, 0.2, 0.5, 1.0);
    }
}
