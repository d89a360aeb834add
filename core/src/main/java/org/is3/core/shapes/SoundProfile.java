package org.is3.core.shapes;

import java.util.List;

/**
 * What a category sounds like: a pitch, a timbre and a rhythm. {@link SoundSignature} synthesizes
 * clips from it with small seeded variations.
 *
 * @param pitchHz     fundamental frequency
 * @param harmonics   relative weight of harmonic k+1 (the fundamental is the first, weight 1 and
 *                    the largest, so a clip's dominant frequency is its pitch)
 * @param rhythm      one bar of steps, {@code x} sounding and {@code .} silent, repeated
 * @param stepSeconds duration of one step
 */
public record SoundProfile(double pitchHz, List<Double> harmonics, String rhythm, double stepSeconds) {

    public SoundProfile {
        harmonics = List.copyOf(harmonics);
    }
}
