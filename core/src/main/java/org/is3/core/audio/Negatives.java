package org.is3.core.audio;

import java.util.SplittableRandom;

/**
 * The synthetic negatives of IS3+ (datasets.md, "IS3+"), each the same length and rate as the
 * positive clip it replaces. The reference (vssl_eval) draws noise unseeded with
 * {@code np.random.normal(0, 1, n)}; is3 seeds it so a release can be rebuilt bit for bit.
 */
public final class Negatives {

    /** Standard deviation of the reference noise: N(0, 1) per sample. */
    public static final double REFERENCE_NOISE_LEVEL = 1.0;

    private Negatives() {
    }

    /** Digital silence: all zeros. */
    public static Waveform silence(Waveform positive) {
        return new Waveform(new float[positive.length()], positive.sampleRate());
    }

    /**
     * White Gaussian noise N(0, level²) as it is stored in a 16-bit release file: every sample
     * clipped to [-1, 1] and put on the 16-bit grid ({@link Wav#quantize16}), so what a model sees
     * from memory equals what it reads back from the WAV. At the reference level 1 about 31.7 % of
     * the samples (P(|z| > 1)) sit at full scale — the loud clip datasets.md describes.
     */
    public static Waveform noise(Waveform positive, long seed, double level) {
        float[] raw = gaussian(positive.length(), seed, level);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = Wav.quantize16(raw[i]);
        }
        return new Waveform(raw, positive.sampleRate());
    }

    /**
     * {@code length} unclipped draws of N(0, level²) — the in-memory noise of the vssl_eval loaders,
     * which never pass it through a file. Box–Muller on {@link SplittableRandom#nextDouble()} with
     * {@link StrictMath}, so a seed gives the same samples on every JVM.
     */
    public static float[] gaussian(int length, long seed, double level) {
        if (!(level >= 0) || Double.isInfinite(level)) {
            throw new IllegalArgumentException("noise level must be a finite number >= 0, got " + level);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[length];
        for (int i = 0; i < length; i += 2) {
            double radius = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - random.nextDouble()));
            double angle = 2.0 * Math.PI * random.nextDouble();
            out[i] = (float) (level * radius * StrictMath.cos(angle));
            if (i + 1 < length) {
                out[i + 1] = (float) (level * radius * StrictMath.sin(angle));
            }
        }
        return out;
    }
}
