package org.is3.core.shapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoundSignatureTest {

    private static final int RATE = 16000;
    private static final int FFT = 32768;
    private static final List<ShapeCategory> CATS = ShapesWorld.categories(64, 11L);

    @Test
    void lengthAndRange() {
        float[] clip = SoundSignature.synthesize(CATS.get(0), 1L, 2.5, RATE);
        assertEquals(40000, clip.length);
        for (float v : clip) {
            assertTrue(v >= -1f && v <= 1f);
        }
        assertTrue(rms(clip) > 0.05, "clip is nearly silent");
    }

    @Test
    void seededVariation() {
        assertArrayEquals(SoundSignature.synthesize(CATS.get(3), 5L, 1.0, RATE),
                SoundSignature.synthesize(CATS.get(3), 5L, 1.0, RATE));
        assertFalse(Arrays.equals(SoundSignature.synthesize(CATS.get(3), 5L, 1.0, RATE),
                SoundSignature.synthesize(CATS.get(3), 6L, 1.0, RATE)));
    }

    @Test
    void rhythmSilencesTheOffSteps() {
        // A category whose bar has a silent step: some 10 ms windows carry only the noise floor.
        ShapeCategory c = CATS.stream().filter(x -> x.sound().rhythm().contains(".")).findFirst().orElseThrow();
        float[] clip = SoundSignature.synthesize(c, 3L, 3.0, RATE);
        int quiet = 0;
        for (int w = 0; w + 160 <= clip.length; w += 160) {
            quiet += rms(Arrays.copyOfRange(clip, w, w + 160)) < 0.01 ? 1 : 0;
        }
        assertTrue(quiet > 0, c.name() + " rhythm " + c.sound().rhythm() + " has no silent window");
    }

    /** The dominant FFT frequency names the category: nearest nominal pitch over 64 categories × 3 seeds. */
    @Test
    void dominantFrequencySeparatesAllCategories() {
        for (int i = 0; i < CATS.size(); i++) {
            for (long seed = 0; seed < 3; seed++) {
                float[] clip = SoundSignature.synthesize(CATS.get(i), seed * 31 + i, (double) FFT / RATE, RATE);
                double f = dominantFrequency(clip);
                int nearest = 0;
                for (int j = 1; j < CATS.size(); j++) {
                    if (cents(f, CATS.get(j).sound().pitchHz()) < cents(f, CATS.get(nearest).sound().pitchHz())) {
                        nearest = j;
                    }
                }
                assertEquals(CATS.get(i).name(), CATS.get(nearest).name(), "seed " + seed + " dominant " + f + " Hz");
                assertTrue(cents(f, CATS.get(i).sound().pitchHz()) < 30, "dominant " + f + " Hz vs pitch "
                        + CATS.get(i).sound().pitchHz());
            }
        }
    }

    private static double cents(double f, double g) {
        return Math.abs(1200 * Math.log(f / g) / Math.log(2));
    }

    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v * v;
        }
        return Math.sqrt(s / x.length);
    }

    /** Frequency of the largest magnitude bin of a radix-2 FFT over the first FFT samples. */
    static double dominantFrequency(float[] x) {
        double[] re = new double[FFT];
        double[] im = new double[FFT];
        for (int i = 0; i < FFT; i++) {
            re[i] = x[i];
        }
        fft(re, im);
        int best = 1;
        for (int k = 1; k < FFT / 2; k++) {
            if (re[k] * re[k] + im[k] * im[k] > re[best] * re[best] + im[best] * im[best]) {
                best = k;
            }
        }
        return (double) best * RATE / FFT;
    }

    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(ang * k);
                    double wi = Math.sin(ang * k);
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
