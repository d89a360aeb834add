package org.is3.core.audio;

/**
 * {@code scipy.signal.spectrogram(x, fs, nperseg=512, noverlap=…)} with its defaults, as the
 * reference loaders call it (datasets.md, "Audio → spectrogram"): periodic Tukey window
 * (512, α = 0.25); each frame has its mean removed ({@code detrend='constant'}); power density
 * {@code |rfft(frame·w)|² / (fs·Σw²)}, bins 1..255 doubled (one-sided; DC and Nyquist are not);
 * frames start at sample 0, hop = 512 − noverlap, a partial last frame is dropped.
 */
final class PowerSpectrogram {

    static final int NPERSEG = 512;
    static final int BINS = NPERSEG / 2 + 1;
    private static final double[] WINDOW = periodicTukey(NPERSEG, 0.25);
    private static final double WINDOW_ENERGY = energy(WINDOW);

    private PowerSpectrogram() {
    }

    /** Number of frames {@code density} returns for {@code length} samples. */
    static int frames(int length, int noverlap) {
        return (length - NPERSEG) / (NPERSEG - noverlap) + 1;
    }

    /** Power spectral density, indexed [bin][frame]. */
    static double[][] density(double[] x, int fs, int noverlap) {
        if (x.length < NPERSEG) {
            throw new IllegalArgumentException("need at least " + NPERSEG + " samples, got " + x.length);
        }
        int hop = NPERSEG - noverlap;
        int frames = frames(x.length, noverlap);
        double scale = 1.0 / (fs * WINDOW_ENERGY);
        RealFft fft = new RealFft(NPERSEG);
        double[][] out = new double[BINS][frames];
        double[] frame = new double[NPERSEG];
        for (int t = 0; t < frames; t++) {
            int from = t * hop;
            double mean = 0;
            for (int i = 0; i < NPERSEG; i++) {
                mean += x[from + i];
            }
            mean /= NPERSEG;
            for (int i = 0; i < NPERSEG; i++) {
                frame[i] = (x[from + i] - mean) * WINDOW[i];
            }
            double[] power = fft.power(frame);
            for (int k = 0; k < BINS; k++) {
                boolean doubled = k != 0 && k != BINS - 1;
                out[k][t] = power[k] * scale * (doubled ? 2 : 1);
            }
        }
        return out;
    }

    /** scipy.signal.windows.tukey(n, alpha, sym=False): the symmetric n+1 window minus its last point. */
    static double[] periodicTukey(int n, double alpha) {
        int m = n + 1;
        int width = (int) Math.floor(alpha * (m - 1) / 2.0);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            if (i <= width) {
                w[i] = 0.5 * (1 + Math.cos(Math.PI * (-1 + 2.0 * i / alpha / (m - 1))));
            } else if (i < m - width - 1) {
                w[i] = 1.0;
            } else {
                w[i] = 0.5 * (1 + Math.cos(Math.PI * (-2.0 / alpha + 1 + 2.0 * i / alpha / (m - 1))));
            }
        }
        return w;
    }

    private static double energy(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v * v;
        }
        return sum;
    }
}
