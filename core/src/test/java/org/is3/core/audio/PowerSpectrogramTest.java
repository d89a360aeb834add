package org.is3.core.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PowerSpectrogramTest {

    @Test
    void periodicTukeyHasScipysTapers() {
        double[] w = PowerSpectrogram.periodicTukey(512, 0.25);
        assertEquals(0.0, w[0], 1e-15);
        assertEquals(0.5, w[32], 1e-15, "half-way up the 64-sample taper");
        assertEquals(1.0, w[64], 1e-15);
        assertEquals(1.0, w[300], 0.0);
        assertEquals(1.0, w[448], 1e-15);
        assertEquals(0.5, w[480], 1e-15);
        for (int i = 1; i < 512; i++) {
            assertEquals(w[i], w[512 - i], 1e-15, "periodic window is symmetric about 256");
        }
    }

    @Test
    void realFftMatchesADirectDft() {
        SplittableRandom random = new SplittableRandom(5);
        double[] x = new double[512];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() * 2 - 1;
        }
        double[] power = new RealFft(512).power(x);
        for (int k = 0; k <= 256; k++) {
            double re = 0;
            double im = 0;
            for (int t = 0; t < 512; t++) {
                re += x[t] * Math.cos(2 * Math.PI * k * t / 512);
                im -= x[t] * Math.sin(2 * Math.PI * k * t / 512);
            }
            assertEquals(re * re + im * im, power[k], 1e-9 * (1 + re * re + im * im), "bin " + k);
        }
    }

    @Test
    void toneLandsInItsBinAndConstantsVanish() {
        double[] x = new double[2048];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.3 + 0.5 * Math.sin(2 * Math.PI * 40 * i / 512.0); // bin 40 plus a DC offset
        }
        double[][] p = PowerSpectrogram.density(x, 16000, 274);
        assertEquals(PowerSpectrogram.frames(2048, 274), p[0].length);
        assertEquals(7, p[0].length, "(2048 − 512) / 238 + 1");
        int best = 0;
        for (int k = 0; k < 257; k++) {
            if (p[k][3] > p[best][3]) {
                best = k;
            }
        }
        assertEquals(40, best);
        assertEquals(0.0, p[0][3], 1e-20, "per-frame mean removal leaves no DC");
    }
}
