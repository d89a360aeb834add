package org.is3.trainer.data;

import java.util.SplittableRandom;
import org.is3.core.audio.Spectrogram;
import org.is3.core.audio.SpectrogramPreset;
import org.is3.core.audio.Waveform;

/**
 * Clip → audio-encoder input: the preset's log-spectrogram (core.audio, checked against scipy),
 * optionally cut to its central {@code frames} frames, flattened 1×257×T. The augmentation of a_aug
 * rolls the clip circularly by a random time shift before the spectrogram.
 */
public final class AudioInput {

    private AudioInput() {
    }

    /** The 257×frames log-spectrogram of the clip (frames = 0: all of the preset's). */
    public static float[] tensor(Waveform clip, SpectrogramPreset preset, int frames) {
        Spectrogram s = preset.compute(clip);
        int keep = frames == 0 ? s.frames() : frames;
        if (keep == s.frames()) {
            return s.values();
        }
        return crop(s, (s.frames() - keep) / 2, keep);
    }

    /**
     * The plain view a and the time-shifted view a_aug of one clip. When the model sees a crop of the
     * preset's frames, a_aug is the crop moved by a random whole number of frames (up to ± maxSeconds,
     * clamped to the spectrogram), which shifts the audio in time without a second STFT; with all
     * frames kept, a_aug is the spectrogram of the circularly rolled clip.
     */
    public static float[][] views(Waveform clip, SpectrogramPreset preset, int frames, double maxSeconds,
                                  SplittableRandom rng) {
        if (frames == 0 || frames == preset.frames()) {
            return new float[][] {tensor(clip, preset, frames), tensor(shifted(clip, maxSeconds, rng), preset, frames)};
        }
        Spectrogram s = preset.compute(clip);
        int centre = (s.frames() - frames) / 2;
        int hop = 512 - preset.noverlap();
        int max = (int) Math.min(centre, Math.round(maxSeconds * clip.sampleRate() / hop));
        int shifted = centre + (max > 0 ? rng.nextInt(-max, max + 1) : 0);
        return new float[][] {crop(s, centre, frames), crop(s, shifted, frames)};
    }

    private static float[] crop(Spectrogram s, int first, int keep) {
        float[] out = new float[s.bins() * keep];
        for (int b = 0; b < s.bins(); b++) {
            System.arraycopy(s.values(), b * s.frames() + first, out, b * keep, keep);
        }
        return out;
    }

    /** The clip rolled by a uniform shift in [−maxSeconds, maxSeconds]. */
    public static Waveform shifted(Waveform clip, double maxSeconds, SplittableRandom rng) {
        int n = clip.length();
        int max = (int) Math.min(n - 1, Math.round(maxSeconds * clip.sampleRate()));
        if (max <= 0) {
            return clip;
        }
        int shift = Math.floorMod(rng.nextInt(-max, max + 1), n);
        float[] src = clip.samples();
        float[] out = new float[n];
        System.arraycopy(src, 0, out, shift, n - shift);
        System.arraycopy(src, n - shift, out, 0, shift);
        return new Waveform(out, clip.sampleRate());
    }
}
