package org.is3.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.is3.core.audio.Spectrogram;
import org.is3.core.audio.SpectrogramPreset;
import org.is3.core.audio.Waveform;
import org.junit.jupiter.api.Test;

class InputTest {

    @Test
    void imagesAreImageNetNormalisedPlanarRgb() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        float[] x = ImageInput.tensor(img, 2);
        assertEquals(12, x.length);
        assertEquals((1 - 0.485f) / 0.229f, x[0], 1e-6);
        assertEquals((0 - 0.456f) / 0.224f, x[4], 1e-6);
        assertEquals((0 - 0.406f) / 0.225f, x[11], 1e-6);
    }

    @Test
    void augmentedViewsAreSeededAndDiffer() {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | 80);
            }
        }
        AugmentSpec spec = AugmentSpec.simclr();
        float[] a = ImageAugment.view(img, 32, spec, new SplittableRandom(4));
        float[] b = ImageAugment.view(img, 32, spec, new SplittableRandom(4));
        float[] c = ImageAugment.view(img, 32, spec, new SplittableRandom(5));
        assertEquals(3 * 32 * 32, a.length);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        for (float v : a) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void audioIsThePresetsLogSpectrogramOrItsCentralFrames() {
        Waveform clip = tone();
        Spectrogram full = SpectrogramPreset.SSL_ALIGN.compute(clip);
        assertArrayEquals(full.values(), AudioInput.tensor(clip, SpectrogramPreset.SSL_ALIGN, 0));
        float[] crop = AudioInput.tensor(clip, SpectrogramPreset.SSL_ALIGN, 40);
        assertEquals(257 * 40, crop.length);
        int first = (299 - 40) / 2;
        assertEquals(full.at(7, first + 3), crop[7 * 40 + 3]);
        float[][] views = AudioInput.views(clip, SpectrogramPreset.SSL_ALIGN, 40, 0.5, new SplittableRandom(2));
        assertArrayEquals(crop, views[0]);
        // the shifted view is the same spectrogram cut at another frame offset within ± 0.5 s (50 frames)
        boolean found = false;
        for (int off = first - 50; off <= first + 50 && !found; off++) {
            found = full.at(100, off) == views[1][100 * 40] && full.at(3, off + 5) == views[1][3 * 40 + 5];
        }
        assertTrue(found);
    }

    @Test
    void theTimeShiftRollsTheClipCircularly() {
        Waveform w = new Waveform(new float[] {1, 2, 3, 4, 5}, 4);
        Waveform s = AudioInput.shifted(w, 1.0, new SplittableRandom(1));
        float[] sorted = s.samples().clone();
        Arrays.sort(sorted);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5}, sorted);
        int at = 0;
        while (s.samples()[at] != 1) {
            at++;
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1, s.samples()[(at + i) % 5]);
        }
    }

    private static Waveform tone() {
        float[] s = new float[16000 * 4];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16000.0) * (1 + Math.sin(i / 3000.0)));
        }
        return new Waveform(s, 16000);
    }
}
