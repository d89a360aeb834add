package org.is3.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NegativesTest {

    private static final Waveform POSITIVE = TestSignals.waveform("odd"); // 116801 samples @ 16 kHz

    @Test
    void silenceIsAllZerosWithThePositivesLengthAndRate() {
        Waveform s = Negatives.silence(POSITIVE);
        assertEquals(POSITIVE.length(), s.length());
        assertEquals(POSITIVE.sampleRate(), s.sampleRate());
        for (float v : s.samples()) {
            assertEquals(0f, v);
        }
        assertEquals(s, Wav.decode(Wav.encode(s), "silence.wav"));
    }

    @Test
    void gaussianHasMeanZeroAndStdLevel() {
        for (double level : new double[] {1.0, 0.1}) {
            double[] m = moments(Negatives.gaussian(200_000, 42, level));
            // Standard errors: level/√n ≈ 0.0022·level for the mean, ≈ 0.0016·level for the std.
            assertEquals(0.0, m[0], 0.01 * level, "mean at level " + level);
            assertEquals(level, m[1], 0.01 * level, "std at level " + level);
        }
    }

    @Test
    void noiseAtReferenceLevelIsClippedToFullScaleAbout32PercentOfTheTime() {
        Waveform n = Negatives.noise(POSITIVE, 7, Negatives.REFERENCE_NOISE_LEVEL);
        assertEquals(POSITIVE.length(), n.length());
        assertEquals(16000, n.sampleRate());
        int full = 0;
        for (float v : n.samples()) {
            assertTrue(v >= -1f && v <= 1f, "sample within [-1, 1]: " + v);
            assertEquals(Math.rint(v * 32768.0), v * 32768.0, "sample on the 16-bit grid: " + v);
            if (v == -1f || v == 32767f / 32768) {
                full++;
            }
        }
        // P(|z| > 1) = 0.3173 for N(0, 1).
        assertEquals(0.3173, (double) full / n.length(), 0.01);
        assertEquals(n, Wav.decode(Wav.encode(n), "noise.wav"), "what is stored is what is generated");
    }

    @Test
    void quietNoiseKeepsItsLevelThroughTheSixteenBitGrid() {
        double[] m = moments(Negatives.noise(new Waveform(new float[160000], 16000), 3, 0.05).samples());
        assertEquals(0.0, m[0], 0.001);
        assertEquals(0.05, m[1], 0.0005);
    }

    @Test
    void noiseIsDeterministicInTheSeed() {
        float[] a = Negatives.noise(POSITIVE, 11, 1.0).samples();
        assertArrayEquals(a, Negatives.noise(POSITIVE, 11, 1.0).samples());
        assertFalse(Arrays.equals(a, Negatives.noise(POSITIVE, 12, 1.0).samples()));
        assertArrayEquals(Negatives.gaussian(5, 11, 0.5), Negatives.gaussian(5, 11, 0.5));
    }

    @Test
    void levelMustBeFiniteAndNonNegative() {
        assertThrows(IllegalArgumentException.class, () -> Negatives.gaussian(10, 1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> Negatives.gaussian(10, 1, Double.NaN));
        assertEquals(0.0, Negatives.gaussian(3, 1, 0.0)[2], 0.0, "level 0 is silence");
    }

    private static double[] moments(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double sq = 0;
        for (float v : x) {
            sq += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(sq / x.length)};
    }
}
