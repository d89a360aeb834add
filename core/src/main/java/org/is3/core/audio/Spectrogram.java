package org.is3.core.audio;

import java.util.Arrays;

/**
 * A spectrogram as the models take it: {@code bins × frames} float values, row-major by frequency
 * bin ({@code values[bin * frames + frame]}), i.e. the (257, T) array of the reference loaders.
 */
public record Spectrogram(int bins, int frames, float[] values) {

    public Spectrogram {
        if (bins <= 0 || frames <= 0 || values.length != bins * frames) {
            throw new IllegalArgumentException("spectrogram shape " + bins + "×" + frames
                    + " does not match " + values.length + " values");
        }
    }

    public float at(int bin, int frame) {
        return values[bin * frames + frame];
    }

    /** A copy as float[bins][frames]. */
    public float[][] toArray() {
        float[][] rows = new float[bins][];
        for (int b = 0; b < bins; b++) {
            rows[b] = Arrays.copyOfRange(values, b * frames, (b + 1) * frames);
        }
        return rows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrogram s && s.bins == bins && s.frames == frames
                && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + bins * 7 + frames;
    }

    @Override
    public String toString() {
        return "Spectrogram[" + bins + "×" + frames + "]";
    }
}
