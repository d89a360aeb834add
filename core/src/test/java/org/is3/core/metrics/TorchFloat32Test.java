package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden values printed by torch 1.13.1 (Debian build, CPU, AVX2 dispatch) in float32. */
class TorchFloat32Test {

    private List<String> lines(String resource) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#")) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    private static float hex(String s) {
        return (float) Double.parseDouble(s);
    }

    @Test
    void linspaceMatchesTorchValueForValue() throws IOException {
        List<String> golden = lines("torch-linspace-255.txt");
        float[] expected = new float[golden.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = hex(golden.get(i));
        }
        assertArrayEquals(expected, TorchFloat32.prThresholds());
        assertEquals(0f, expected[0]);
        assertEquals(1f, expected[254]); // fl32(1 − 1e−10) is 1
    }

    @Test
    void linspaceIsNotTheNaiveProduct() {
        // guards the golden above against a formula that only happens to agree: i·step differs at 16 indices
        float[] t = TorchFloat32.prThresholds();
        float step = 1f / 254f;
        int differ = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] != i * step) {
                differ++;
            }
        }
        assertTrue(differ > 0);
    }

    @Test
    void sigmoidMatchesTorchsScalarPath() throws IOException {
        List<String> golden = lines("torch-sigmoid-k128.txt");
        for (int k = 0; k < golden.size(); k++) {
            float x = (float) (k - 1024) / 128f;
            assertEquals(hex(golden.get(k)), TorchFloat32.sigmoid(x), 0f, "logit " + x);
        }
    }

    @Test
    void tinyPositiveLogitRoundsToExactlyOneHalf() {
        assertEquals(0.5f, TorchFloat32.sigmoid(1e-8f), 0f);
        assertEquals(0.5f, TorchFloat32.sigmoid(0f), 0f);
        assertTrue(TorchFloat32.sigmoid(1e-6f) > 0.5f);
    }

    /** Same construction as the Python script: odd 23-bit mantissas times 2^−e, e in 0 … 30 (exact in float32). */
    static float[] vec(int n, long seed) {
        float[] x = new float[n];
        for (int j = 0; j < n; j++) {
            long m = (SeededInputs.mix(seed * 100000 + j) % (1L << 23)) | 1;
            int e = (int) (SeededInputs.mix(seed * 100000 + j + 50000) % 31);
            x[j] = (float) m * Math.scalb(1f, -e);
        }
        return x;
    }

    @Test
    void sumFollowsTorchsCpuCascade() throws IOException {
        int sequentialDiffers = 0;
        for (String line : lines("torch-sum-golden.txt")) {
            String[] f = line.split(" ");
            int n = Integer.parseInt(f[0]);
            float[] x = vec(n, n);
            float expected = hex(f[1]);
            assertEquals(expected, TorchFloat32.sum(x), 0f, "n=" + n);
            float seq = 0f;
            for (float v : x) {
                seq += v;
            }
            if (seq != expected) {
                sequentialDiffers++;
            }
        }
        assertNotEquals(0, sequentialDiffers);
    }
}
