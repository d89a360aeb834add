package org.is3.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.is3.core.InputException;
import org.junit.jupiter.api.Test;

class SpectrogramPresetTest {

    @Test
    void shapesAreFixedWhateverTheClipLength() {
        for (int length : new int[] {700, 20800, 160000, 480000}) {
            Waveform clip = ramp(length);
            assertShape(SpectrogramPreset.SSL_ALIGN.compute(clip), 299);
            assertShape(SpectrogramPreset.EZVSL.compute(clip), 200);
            assertShape(SpectrogramPreset.ROLLED_CENTRE_CROP.compute(clip), 200);
        }
    }

    @Test
    void sslAlignTakesThreePointFiveToSixPointFiveSecondsOfTheTiledClip() {
        double[] x = SpectrogramPreset.SSL_ALIGN.samples(ramp(160000));
        assertEquals(48000, x.length);
        assertEquals(at(56000), x[0], 0.0);
        // 30000-sample clip: tiled 6 times, sample 56000 is sample 26000 of the clip.
        assertEquals(at(26000), SpectrogramPreset.SSL_ALIGN.samples(ramp(30000))[0], 0.0);
    }

    @Test
    void ezvslTakesThreeSecondsCentredOnTheClip() {
        assertEquals(at(56000), SpectrogramPreset.EZVSL.samples(ramp(160000))[0], 0.0);
        // 116801 samples: start = int((116801/16000/2 − 1.5)·16000) = 34400.
        assertEquals(at(34400), SpectrogramPreset.EZVSL.samples(ramp(116801))[0], 0.0);
        double[] shortClip = SpectrogramPreset.EZVSL.samples(ramp(20000));
        assertEquals(at(0), shortClip[20000], 0.0, "a 1.25 s clip is tiled from its start");
        assertEquals(at(7999), shortClip[47999], 0.0);
    }

    @Test
    void rolledPresetPutsTheClipCentreOnSampleEightyThousand() {
        double[] x = SpectrogramPreset.ROLLED_CENTRE_CROP.samples(ramp(116801));
        assertEquals(160000, x.length);
        assertEquals(at(58400), x[80000], 0.0, "centre int(116801/2) = 58400");
    }

    @Test
    void samplesAreClippedBeforeTheStft() {
        float[] loud = new float[48000];
        float[] full = new float[48000];
        for (int i = 0; i < loud.length; i++) {
            loud[i] = i % 3 == 0 ? 3f : -2f;
            full[i] = i % 3 == 0 ? 1f : -1f;
        }
        for (SpectrogramPreset p : SpectrogramPreset.values()) {
            assertArrayEquals(p.compute(new Waveform(full, 16000)).values(),
                    p.compute(new Waveform(loud, 16000)).values(), p.name());
        }
    }

    @Test
    void silenceIsTheLogFloorOrZero() {
        Waveform silence = new Waveform(new float[160000], 16000);
        float floor = (float) (Math.log(1e-7) / 12);
        for (float v : SpectrogramPreset.SSL_ALIGN.compute(silence).values()) {
            assertEquals(floor, v);
        }
        for (float v : SpectrogramPreset.EZVSL.compute(silence, SpectrogramScale.LINEAR).values()) {
            assertEquals(0f, v);
        }
    }

    @Test
    void rejectsOtherRatesAndEmptyClips() {
        InputException rate = assertThrows(InputException.class,
                () -> SpectrogramPreset.EZVSL.compute(new Waveform(new float[48000], 44100)));
        assertTrue(rate.getMessage().contains("44100 Hz"), rate.getMessage());
        InputException empty = assertThrows(InputException.class,
                () -> SpectrogramPreset.SSL_ALIGN.compute(new Waveform(new float[0], 16000)));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }

    @Test
    void toArrayIsBinMajor() {
        Spectrogram s = SpectrogramPreset.EZVSL.compute(TestSignals.waveform("sweep"));
        float[][] rows = s.toArray();
        assertEquals(257, rows.length);
        assertEquals(200, rows[0].length);
        assertEquals(s.at(100, 7), rows[100][7]);
    }

    /** Sample i = i·1e-6, so a selected sample tells its source index. */
    private static Waveform ramp(int length) {
        float[] s = new float[length];
        for (int i = 0; i < length; i++) {
            s[i] = (float) (i / 1e6);
        }
        return new Waveform(s, 16000);
    }

    private static double at(int index) {
        return (float) (index / 1e6);
    }

    private static void assertShape(Spectrogram s, int frames) {
        assertEquals(257, s.bins());
        assertEquals(frames, s.frames());
        assertEquals(257 * frames, s.values().length);
    }
}
