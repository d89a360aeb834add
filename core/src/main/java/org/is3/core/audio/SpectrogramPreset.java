package org.is3.core.audio;

import java.util.Arrays;
import org.is3.core.InputException;

/**
 * The sample selection and STFT settings of each reference loader family (datasets.md,
 * "Audio → spectrogram"). Every preset expects 16 kHz audio (the pipeline decodes to 16 kHz),
 * clips samples to [-1, 1] and computes {@link PowerSpectrogram}; the result is 257 × {@link #frames()}.
 */
public enum SpectrogramPreset {

    /**
     * SSL-Align / LVS loader (kaistmm/SSLalignment datasets_lvs.py): tile the clip whole
     * ({@code int(10 s / length) + 1} copies) if shorter than 10 s, keep the first 10 s, take
     * samples [56000, 104000) (3.5 s to 6.5 s), noverlap 353 (hop 159) → 257 × 299.
     */
    SSL_ALIGN(353, 299),

    /**
     * EZ-VSL loader (stoneMo/EZ-VSL datasets.py; SSLalignment's FNAC variant): 3 s centred on the
     * clip — start {@code floor(max(duration/2 − 1.5 s, 0) · rate)}, as many samples as remain up
     * to 3 s — tiled whole if short, noverlap 274 (hop 238) → 257 × 200.
     */
    EZVSL(274, 200),

    /**
     * The evaluation loader kaistmm/SSLalignment datasets.py (also vssl_eval's datasets.py) uses
     * for the EZ-VSL/SLAVC-style models: first 10 s, tiled whole if short, rolled so the clip's
     * centre sample {@code int(duration/2 · rate)} lands on sample 80000, noverlap 274 over all
     * 10 s (671 frames), then {@code CenterCrop((257, 200))}: frames [236, 436) → 257 × 200.
     */
    ROLLED_CENTRE_CROP(274, 200);

    /** The only rate the presets accept; the reference hard-codes it in the SSL-Align slice. */
    public static final int SAMPLE_RATE = 16000;
    private static final int TEN_SECONDS = 10 * SAMPLE_RATE;
    private static final int THREE_SECONDS = 3 * SAMPLE_RATE;

    private final int noverlap;
    private final int frames;

    SpectrogramPreset(int noverlap, int frames) {
        this.noverlap = noverlap;
        this.frames = frames;
    }

    public int noverlap() {
        return noverlap;
    }

    public int bins() {
        return PowerSpectrogram.BINS;
    }

    public int frames() {
        return frames;
    }

    /** The log spectrogram every loader computes for a positive or off-screen clip. */
    public Spectrogram compute(Waveform clip) {
        return compute(clip, SpectrogramScale.LOG);
    }

    public Spectrogram compute(Waveform clip, SpectrogramScale scale) {
        double[][] power = PowerSpectrogram.density(samples(clip), SAMPLE_RATE, noverlap);
        int first = (power[0].length - frames) / 2;
        if (this == ROLLED_CENTRE_CROP) {
            // torchvision CenterCrop: left = int(round((W - w) / 2)), Python's half-to-even round.
            first = (int) Math.rint((power[0].length - frames) / 2.0);
        }
        float[] values = new float[PowerSpectrogram.BINS * frames];
        for (int b = 0; b < PowerSpectrogram.BINS; b++) {
            for (int t = 0; t < frames; t++) {
                values[b * frames + t] = (float) scale.apply(power[b][first + t]);
            }
        }
        return new Spectrogram(PowerSpectrogram.BINS, frames, values);
    }

    /** The samples this preset feeds to the STFT, already clipped to [-1, 1]. */
    public double[] samples(Waveform clip) {
        if (clip.sampleRate() != SAMPLE_RATE) {
            throw new InputException("spectrogram " + name() + " needs " + SAMPLE_RATE
                    + " Hz audio, got a " + clip.sampleRate() + " Hz clip");
        }
        if (clip.length() == 0) {
            throw new InputException("spectrogram " + name() + ": the audio clip is empty");
        }
        double[] x = switch (this) {
            case SSL_ALIGN -> slice(tiled(clip.samples(), 0, clip.length(), TEN_SECONDS),
                    (int) (SAMPLE_RATE * 3.5), (int) (SAMPLE_RATE * 6.5));
            case EZVSL -> centred3s(clip);
            case ROLLED_CENTRE_CROP -> rolled10s(clip);
        };
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(-1.0, Math.min(1.0, x[i]));
        }
        return x;
    }

    private static double[] centred3s(Waveform clip) {
        int n = clip.length();
        double duration = (double) n / SAMPLE_RATE;
        double start = Math.max(duration / 2 - 1.5, 0);
        int from = (int) (start * SAMPLE_RATE);
        // The reference's duration is exact (a Fraction) when the start is 0, a float otherwise.
        int count = start == 0 ? Math.min(n, THREE_SECONDS)
                : (int) (Math.min(3.0, duration - start) * SAMPLE_RATE);
        return tiled(clip.samples(), from, Math.min(count, n - from), THREE_SECONDS);
    }

    private static double[] rolled10s(Waveform clip) {
        double[] x = tiled(clip.samples(), 0, Math.min(clip.length(), TEN_SECONDS), TEN_SECONDS);
        int centre = (int) (clip.seconds() / 2 * SAMPLE_RATE);
        int shift = Math.floorMod(TEN_SECONDS / 2 - centre, TEN_SECONDS);
        double[] rolled = new double[TEN_SECONDS];
        for (int i = 0; i < TEN_SECONDS; i++) {
            rolled[(i + shift) % TEN_SECONDS] = x[i];
        }
        return rolled;
    }

    /**
     * {@code samples[from, from + count)} repeated whole {@code int(target / count) + 1} times when
     * shorter than {@code target} (numpy {@code tile}), then the first {@code target} samples.
     */
    private static double[] tiled(float[] samples, int from, int count, int target) {
        double[] out = new double[target];
        if (count >= target) {
            for (int i = 0; i < target; i++) {
                out[i] = samples[from + i];
            }
            return out;
        }
        for (int i = 0; i < target; i++) {
            out[i] = samples[from + i % count];
        }
        return out;
    }

    private static double[] slice(double[] x, int from, int to) {
        return Arrays.copyOfRange(x, from, to);
    }
}
