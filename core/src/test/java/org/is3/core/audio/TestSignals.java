package org.is3.core.audio;

/**
 * The deterministic 16 kHz test signals of spectrogram-golden.txt, as int16 codes from integer
 * formulas (the Python generator computes the same codes; the golden file records their sums).
 */
final class TestSignals {

    private TestSignals() {
    }

    static int[] codes(String name) {
        return switch (name) {
            case "sweep" -> sweep(160000);
            case "noise" -> lcg(12345, 160000, 48, 32768);
            case "silence" -> new int[160000];
            case "short" -> add(tone(20800, 440, 0.3), lcg(777, 20800, 56, 128));
            case "odd" -> add(tone(116801, 1000, 0.5), lcg(99, 116801, 50, 8192));
            default -> throw new IllegalArgumentException("unknown test signal " + name);
        };
    }

    static Waveform waveform(String name) {
        int[] c = codes(name);
        float[] s = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            s[i] = c[i] / 32768f;
        }
        return new Waveform(s, 16000);
    }

    /** Linear chirp 50 Hz → 7950 Hz over 10 s; the phase is reduced exactly in integers first. */
    private static int[] sweep(int n) {
        long d = 5_120_000_000L;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            long r = (16_000_000L * i + 7900L * i * i) % d;
            out[i] = (int) Math.rint(0.6 * 32767 * StrictMath.sin(2 * Math.PI * r / d));
        }
        return out;
    }

    private static int[] tone(int n, int freq, double amp) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            long r = (long) freq * i % 16000;
            out[i] = (int) Math.rint(amp * 32767 * StrictMath.sin(2 * Math.PI * r / 16000));
        }
        return out;
    }

    /** 64-bit LCG (Knuth MMIX constants): code = (state >>> shift) − offset. */
    private static int[] lcg(long seed, int n, int shift, int offset) {
        long s = seed;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            out[i] = (int) (s >>> shift) - offset;
        }
        return out;
    }

    private static int[] add(int[] a, int[] b) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }
}
