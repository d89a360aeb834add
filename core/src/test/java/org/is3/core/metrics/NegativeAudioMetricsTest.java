package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.is3.core.gt.SampleKind;
import org.junit.jupiter.api.Test;

class NegativeAudioMetricsTest {
    private static final int SAMPLES = 37;

    /**
     * Golden values: vssl_eval's {@code cal_CIOU}, {@code compute_pIA}, {@code compute_AUC},
     * {@code compute_AUC_pIA}, {@code compute_IOU_maps}, {@code compute_f} and the {@code compute_metrics}
     * arithmetic run with numpy 1.26.4 / scikit-learn 1.9.1 on the 37 images of {@link #sample}
     * (thresholds as {@code eval.py} passes them: a Python float, or the np.float32 order statistic).
     */
    @Test
    void matchesVsslEvalBitForBit() throws IOException {
        JsonNode golden = golden();
        check(golden.get("universal0.5"), NegativeThreshold.DEFAULT);
        check(golden.get("universal0.545"), NegativeThreshold.universal(0.545));
        check(golden.get("median"), NegativeThreshold.positiveMedian());
        check(golden.get("adaptive"), NegativeThreshold.positiveAdaptive());
    }

    private static void check(JsonNode g, NegativeThreshold rule) {
        NegativeAudioMetrics metrics = new NegativeAudioMetrics(rule);
        for (int s = 0; s < SAMPLES; s++) {
            float[][] m = sample(s);
            metrics.add(m[0], gt(s), m[1], m[2], m[3]);
        }
        NegativeAudioResult r = metrics.compute();
        assertEquals(SAMPLES, r.samples());
        same(g, "ciou", r.meanCIoU(), rule);
        same(g, "auc", r.auc(), rule);
        same(g, "f_pos_neg", r.fPosNeg(), rule);
        same(g, "f_auc_aoc_pos_neg", r.fAucAocPosNeg(), rule);
        for (SampleKind kind : List.of(SampleKind.SILENCE, SampleKind.NOISE, SampleKind.OFFSCREEN)) {
            String t = kind.name().toLowerCase();
            NegativeTypeResult n = r.of(kind);
            same(g, "pia_" + t, n.pIA(), rule);
            same(g, "aoc_" + t, n.aucPIA(), rule);
            same(g, "iou_" + t, n.posNegIoU(), rule);
            same(g, "f_pos_" + t, n.fPos(), rule);
            same(g, "f_auc_aoc_pos_" + t, n.fAucAoc(), rule);
        }
    }

    private static void same(JsonNode g, String key, double actual, NegativeThreshold rule) {
        double expected = Double.parseDouble(g.get(key).asText());
        assertEquals(Double.toHexString(expected), Double.toHexString(actual), key + " " + rule);
    }

    private static float[][] sample(int s) {
        float p = 0.545f;
        return new float[][] {
                SeededInputs.plant(SeededInputs.heatmap(1000 + s, s % 9 == 4 || s == 14 ? 0 : 1024), p),
                SeededInputs.plant(SeededInputs.heatmap(2000 + s, s % 2 == 0 ? 0 : 700), p),
                SeededInputs.plant(SeededInputs.heatmap(3000 + s, 300 * (s % 4)), p),
                SeededInputs.plant(SeededInputs.heatmap(4000 + s, s % 3 == 0 ? 1024 : 512), p)};
    }

    private static GtMap gt(int s) {
        if (s % 11 == 3) {
            return GtMap.empty();
        }
        if (s % 5 == 1) {
            List<PixelBox> b = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                b.add(SeededInputs.boxNearBlob(1000 + s, j));
            }
            return GtMap.consensus(b);
        }
        List<PixelBox> b = new ArrayList<>();
        b.add(SeededInputs.boxNearBlob(1000 + s, 0));
        b.addAll(SeededInputs.boxes(s, s % 3));
        return GtMap.union(b);
    }

    private static JsonNode golden() throws IOException {
        try (InputStream in = NegativeAudioMetricsTest.class.getResourceAsStream("negative-audio-golden.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    // ---- hand-computed edge rules -------------------------------------------------------------

    /** A map that is 1 on the given pixel indices and 0 elsewhere. */
    private static float[] on(int... pixels) {
        float[] h = new float[Grid.PIXELS];
        for (int i : pixels) {
            h[i] = 1f;
        }
        return h;
    }

    @Test
    void emptyGtAndEmptyMaskCountAsZeroCIoUNotNaN() {
        NegativeAudioMetrics m = new NegativeAudioMetrics(NegativeThreshold.DEFAULT);
        float[] none = new float[Grid.PIXELS];
        m.add(none, GtMap.empty(), none, none, none);
        GtMap box = GtMap.union(List.of(new PixelBox(0, 0, 2, 1))); // pixels 0 and 1
        m.add(on(0, 1), box, none, none, none); // perfect: cIoU 1
        NegativeAudioResult r = m.compute();
        assertEquals(50.0, r.meanCIoU(), 0.0); // (0 + 1)/2, not NaN
        // curve: y_0 = 1 (0 ≥ 0 passes), y_i = 1/2 for i ≥ 1; area = 0.05·(1 + 0.5)/2 + 0.95·0.5
        assertEquals(0.05 * 0.75 + 0.475, r.auc() / 100, 1e-15);
    }

    @Test
    void mapIoUFollowsComputeIouMapsRules() {
        NegativeAudioMetrics bothEmpty = new NegativeAudioMetrics(NegativeThreshold.DEFAULT);
        float[] none = new float[Grid.PIXELS];
        bothEmpty.add(none, GtMap.empty(), none, none, none);
        assertEquals(100.0, bothEmpty.compute().silence().posNegIoU(), 0.0);

        NegativeAudioMetrics negEmpty = new NegativeAudioMetrics(NegativeThreshold.DEFAULT);
        negEmpty.add(on(5), GtMap.empty(), none, none, none);
        assertEquals(0.0, negEmpty.compute().noise().posNegIoU(), 0.0);

        NegativeAudioMetrics posEmpty = new NegativeAudioMetrics(NegativeThreshold.DEFAULT);
        posEmpty.add(none, GtMap.empty(), on(5), on(5), on(5));
        assertEquals(0.0, posEmpty.compute().offscreen().posNegIoU(), 0.0);

        NegativeAudioMetrics overlap = new NegativeAudioMetrics(NegativeThreshold.DEFAULT);
        overlap.add(on(1, 2, 3), GtMap.empty(), on(2, 3, 4, 5), none, none); // 2 / 5
        assertEquals(40.0, overlap.compute().silence().posNegIoU(), 1e-12);
    }

    @Test
    void universalThresholdIsComparedInFloat32() {
        // 0.545f is above the double 0.545, yet numpy 1.x compares float32 pixels with 0.545f
        assertTrue((double) 0.545f > 0.545);
        float[] at = new float[Grid.PIXELS];
        at[7] = 0.545f;
        NegativeAudioMetrics m = new NegativeAudioMetrics(NegativeThreshold.universal(0.545));
        m.add(at, GtMap.empty(), at, at, at);
        assertEquals(0.0, m.compute().silence().pIA(), 0.0);
    }

    @Test
    void pIAIsTheSelectedFractionOfTheImage() {
        float[] none = new float[Grid.PIXELS];
        NegativeAudioMetrics m = new NegativeAudioMetrics(NegativeThreshold.DEFAULT);
        int[] half = new int[Grid.PIXELS / 2];
        for (int i = 0; i < half.length; i++) {
            half[i] = i;
        }
        m.add(none, GtMap.empty(), on(half), none, none);
        NegativeAudioResult r = m.compute();
        assertEquals(50.0, r.silence().pIA(), 0.0);
        assertEquals(0.0, r.noise().pIA(), 0.0);
        // pIA 0.5 is ≤ the steps 0.05·10 (exactly 0.5) … 1.0: area 10·0.05 + 0.05/2
        assertEquals(52.5, r.silence().aucPIA(), 1e-12);
        assertEquals(100.0, r.noise().aucPIA(), 1e-12);
    }

    @Test
    void adaptiveRuleUsesThePositivesOwnOrderStatistic() {
        float[] ramp = new float[Grid.PIXELS];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i; // distinct values: t_k = 50176 − k, the mask holds k − 1 pixels
        }
        GtMap gt = GtMap.union(List.of(new PixelBox(0, 0, 10, 1))); // k = 10
        assertEquals(50166f, NegativeThreshold.positiveAdaptive().threshold(ramp, gt), 0f);
        assertEquals(25088f, NegativeThreshold.positiveMedian().threshold(ramp, gt), 0f);
        assertEquals(25088f, NegativeThreshold.positiveAdaptive().threshold(ramp, GtMap.empty()), 0f);
        NegativeAudioMetrics m = new NegativeAudioMetrics(NegativeThreshold.positiveAdaptive());
        m.add(ramp, gt, ramp, ramp, ramp);
        assertEquals(9.0 / Grid.PIXELS * 100, m.compute().silence().pIA(), 1e-15);
    }

    @Test
    void harmonicMeanOfTwoZerosIsNaNAsInTheReference() {
        assertTrue(Double.isNaN(NegativeAudioMetrics.harmonic(0, 0)));
        assertEquals(2 * (30.0 * 60.0) / 90.0, NegativeAudioMetrics.harmonic(30, 60), 0.0);
    }

    @Test
    void rejectsWrongSizesAndEmptyCompute() {
        NegativeAudioMetrics m = new NegativeAudioMetrics(NegativeThreshold.DEFAULT);
        float[] ok = new float[Grid.PIXELS];
        assertThrows(IllegalArgumentException.class, () -> m.add(new float[10], GtMap.empty(), ok, ok, ok));
        assertThrows(IllegalStateException.class, m::compute);
        assertThrows(IllegalArgumentException.class,
                () -> new NegativeAudioResult(0, 0, 0, null, null, null, 0, 0).of(SampleKind.POSITIVE));
    }
}
