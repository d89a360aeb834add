package org.is3.core.audio;

import java.util.Arrays;

/**
 * A mono clip: samples as floats at {@code sampleRate} Hz. Samples read from integer PCM lie in
 * [-1, 1); float WAVs and synthetic noise may exceed that range, which is why every consumer that
 * needs [-1, 1] (the 16-bit writer, the spectrogram presets) clips on its own, as the reference
 * loaders do (datasets.md, "Audio → spectrogram").
 */
public record Waveform(float[] samples, int sampleRate) {

    public Waveform {
        if (samples == null) {
            throw new IllegalArgumentException("samples must not be null");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }

    public int length() {
        return samples.length;
    }

    /** Duration in seconds, as the container reports it: length / rate. */
    public double seconds() {
        return (double) samples.length / sampleRate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Waveform w && w.sampleRate == sampleRate
                && Arrays.equals(w.samples, samples);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(samples) + sampleRate;
    }

    @Override
    public String toString() {
        return "Waveform[" + samples.length + " samples @ " + sampleRate + " Hz]";
    }
}
