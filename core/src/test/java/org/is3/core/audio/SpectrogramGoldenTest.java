package org.is3.core.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares every preset with scipy.signal.spectrogram run on the reference loaders' sample
 * selection (spectrogram-golden.txt; generator described in its header). Tolerance 1e-5 per value
 * (the trainer's requirement); sums of n values get n·1e-5.
 */
class SpectrogramGoldenTest {

    private static final double TOL = 1e-5;

    @TestFactory
    Stream<DynamicTest> matchesScipyGoldens() throws IOException {
        List<String> lines = lines();
        Map<String, long[]> signals = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] t = lines.get(i).split(" ");
            if (t[0].equals("signal")) {
                signals.put(t[1], new long[] {Long.parseLong(t[2]), Long.parseLong(t[3]), Long.parseLong(t[4])});
                String name = t[1];
                tests.add(DynamicTest.dynamicTest("signal " + name, () -> checkSignal(name, signals.get(name))));
            } else if (t[0].equals("case")) {
                String[] rows = lines.get(i + 1).split(" ");
                String[] cols = lines.get(i + 2).split(" ");
                String[] points = lines.get(i + 3).split(" ");
                tests.add(DynamicTest.dynamicTest(String.join(" ", t),
                        () -> checkCase(t, rows, cols, points)));
                i += 3;
            }
        }
        assertEquals(24, tests.size(), "5 signals and 19 cases in the golden file");
        return tests.stream();
    }

    private static void checkSignal(String name, long[] expected) {
        int[] codes = TestSignals.codes(name);
        long sum = 0;
        long squares = 0;
        for (int c : codes) {
            sum += c;
            squares += (long) c * c;
        }
        assertEquals(expected[0], codes.length, name + " length");
        assertEquals(expected[1], sum, name + " sum of codes (Java and Python signals differ)");
        assertEquals(expected[2], squares, name + " sum of squared codes");
    }

    private static void checkCase(String[] t, String[] rows, String[] cols, String[] points) {
        Spectrogram s = SpectrogramPreset.valueOf(t[2])
                .compute(TestSignals.waveform(t[1]), SpectrogramScale.valueOf(t[3]));
        assertEquals(Integer.parseInt(t[4]), s.bins(), "bins");
        assertEquals(Integer.parseInt(t[5]), s.frames(), "frames");
        for (int b = 0; b < s.bins(); b++) {
            double sum = 0;
            for (int f = 0; f < s.frames(); f++) {
                sum += s.at(b, f);
            }
            assertEquals(Double.parseDouble(rows[b + 1]), sum, TOL * s.frames(), "row sum of bin " + b);
        }
        for (int f = 0; f < s.frames(); f++) {
            double sum = 0;
            for (int b = 0; b < s.bins(); b++) {
                sum += s.at(b, f);
            }
            assertEquals(Double.parseDouble(cols[f + 1]), sum, TOL * s.bins(), "column sum of frame " + f);
        }
        assertTrue(points.length > 60, "points present");
        for (int k = 1; k < points.length; k++) {
            String[] p = points[k].split(":");
            int b = Integer.parseInt(p[0]);
            int f = Integer.parseInt(p[1]);
            assertEquals(Double.parseDouble(p[2]), s.at(b, f), TOL, "value at bin " + b + ", frame " + f);
        }
    }

    private static List<String> lines() throws IOException {
        try (var in = SpectrogramGoldenTest.class.getResourceAsStream("spectrogram-golden.txt")) {
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().filter(l -> !l.startsWith("#")).toList();
        }
    }
}
