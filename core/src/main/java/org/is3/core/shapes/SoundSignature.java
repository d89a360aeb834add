package org.is3.core.shapes;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthesizes the sound of a category: its harmonics at its pitch, gated by its rhythm, with small
 * seeded variations per clip (pitch ±20 cents, harmonic weights ±15 %, tempo ±5 %, a random start
 * within the bar, loudness 0.55–0.85 and a faint noise floor). The pitch variation stays well under
 * half the one-semitone spacing between categories, so clips of different categories never share a
 * dominant frequency.
 */
public final class SoundSignature {

    private static final double ATTACK_SECONDS = 0.005;
    private static final double RELEASE_SECONDS = 0.02;
    private static final double NOISE_FLOOR = 0.004;

    private SoundSignature() {
    }

    /** {@code round(seconds × sampleRate)} mono samples in [−1, 1]. */
    public static float[] synthesize(ShapeCategory category, long seed, double seconds, int sampleRate) {
        if (sampleRate <= 0 || !(seconds >= 0)) {
            throw new IllegalArgumentException("need seconds >= 0 and sampleRate > 0, got " + seconds
                    + " s at " + sampleRate + " Hz");
        }
        SoundProfile p = category.sound();
        SplittableRandom rng = new SplittableRandom(seed);
        double pitch = p.pitchHz() * Math.pow(2, rng.nextDouble(-20, 20) / 1200.0);
        double[] weights = weights(p.harmonics(), rng);
        double[] phases = new double[weights.length];
        for (int k = 0; k < phases.length; k++) {
            phases[k] = rng.nextDouble(0, 2 * Math.PI);
        }
        double step = p.stepSeconds() * rng.nextDouble(0.95, 1.05);
        double offset = rng.nextDouble(0, step * p.rhythm().length());
        double loudness = rng.nextDouble(0.55, 0.85);
        double norm = 0;
        for (int k = 0; k < weights.length; k++) {
            norm += (k + 1) * pitch < sampleRate / 2.0 ? weights[k] : 0;
        }
        int n = (int) Math.round(seconds * sampleRate);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / sampleRate;
            double env = envelope(p.rhythm(), step, t + offset);
            double v = 0;
            if (env > 0) {
                for (int k = 0; k < weights.length; k++) {
                    double f = (k + 1) * pitch;
                    if (f < sampleRate / 2.0) {
                        v += weights[k] * Math.sin(2 * Math.PI * f * t + phases[k]);
                    }
                }
                v = loudness * env * v / norm;
            }
            v += NOISE_FLOOR * rng.nextDouble(-1, 1);
            out[i] = (float) Math.max(-1, Math.min(1, v));
        }
        return out;
    }

    private static double[] weights(List<Double> harmonics, SplittableRandom rng) {
        double[] w = new double[harmonics.size()];
        w[0] = harmonics.get(0);
        for (int k = 1; k < w.length; k++) {
            w[k] = harmonics.get(k) * rng.nextDouble(0.85, 1.15);
        }
        return w;
    }

    /** Gain at time t: 1 inside a sounding step, with a short attack and release against clicks. */
    private static double envelope(String rhythm, double step, double t) {
        long index = (long) Math.floor(t / step);
        if (rhythm.charAt((int) Math.floorMod(index, (long) rhythm.length())) != 'x') {
            return 0;
        }
        double into = t - index * step;
        double note = step * 0.85;
        if (into >= note) {
            return 0;
        }
        double attack = Math.min(1, into / ATTACK_SECONDS);
        double release = Math.min(1, (note - into) / RELEASE_SECONDS);
        return Math.min(attack, release);
    }
}
