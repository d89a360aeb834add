package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.is3.core.metrics.SegmentationMetrics.GtType;
import org.is3.core.metrics.SegmentationMetrics.Threshold;
import org.junit.jupiter.api.Test;

class SegmentationMetricsTest {
    private static final int IMAGES = 150;
    private static final int BATCH = 8;

    /**
     * Golden values: SSLalignment's {@code Evaluator_miou} (utils.py before f2aab53: evaluate_batch,
     * mask_iou, _eval_pr, Eval_Fmeasure, finalize) run unchanged on torch 1.13.1 (CPU) and numpy 1.24,
     * on 150 heatmaps in batches of 8 (the last one of 6), GT as float64 maps or uint8 masks.
     */
    @Test
    void matchesEvaluatorMiouBitForBit() throws IOException {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("segmentation-golden.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        check(golden.get("box_median"), Threshold.MEDIAN, GtType.FLOAT64_MAP);
        check(golden.get("box_adaptive"), Threshold.ADAPTIVE, GtType.FLOAT64_MAP);
        check(golden.get("seg_median"), Threshold.MEDIAN, GtType.UINT8_MASK);
        check(golden.get("seg_adaptive"), Threshold.ADAPTIVE, GtType.UINT8_MASK);
    }

    private static void check(JsonNode g, Threshold threshold, GtType type) {
        List<float[]> all = heatmaps();
        SegmentationMetrics m = new SegmentationMetrics(threshold, type);
        for (int b0 = 0; b0 < IMAGES; b0 += BATCH) {
            List<float[]> heat = new ArrayList<>();
            List<GtMap> gts = new ArrayList<>();
            for (int s = b0; s < Math.min(IMAGES, b0 + BATCH); s++) {
                heat.add(all.get(s));
                gts.add(gt(s, type == GtType.UINT8_MASK));
            }
            m.addBatch(heat, gts);
        }
        SegmentationResult r = m.compute();
        String what = threshold + " " + type;
        assertEquals(19, r.batches(), what);
        assertEquals(IMAGES, r.images(), what);
        assertEquals(hex(g.get("miou")), Double.toHexString(r.miouPercent()), "mIoU " + what);
        assertEquals(hex(g.get("f")), Double.toHexString(r.fMeasurePercent()), "F " + what);
    }

    /** Python's float.hex() read back and printed the Java way. */
    private static String hex(JsonNode pythonHex) {
        return Double.toHexString(Double.parseDouble(pythonHex.asText()));
    }

    private static List<float[]> cached;

    /** The 150 heatmaps, built once for the four configurations. */
    private static synchronized List<float[]> heatmaps() {
        if (cached == null) {
            cached = new ArrayList<>();
            for (int s = 0; s < IMAGES; s++) {
                cached.add(SeededInputs.heatmap(5000 + s, s % 7 == 2 ? 0 : 600 + 100 * (s % 5)));
            }
        }
        return cached;
    }

    private static GtMap gt(int s, boolean seg) {
        if (s % 13 == 5) {
            return GtMap.empty();
        }
        if (!seg && s % 4 == 1) {
            List<PixelBox> b = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                b.add(SeededInputs.boxNearBlob(5000 + s, j));
            }
            return GtMap.consensus(b);
        }
        List<PixelBox> b = new ArrayList<>();
        b.add(SeededInputs.boxNearBlob(5000 + s, 0));
        b.addAll(SeededInputs.boxes(s + 77, s % 2));
        return GtMap.union(b);
    }

    // ---- hand-computed edge rules -------------------------------------------------------------

    /** Distinct values 0 … 50175: the order statistic at index i is i, and {h > i} has 50175 − i pixels. */
    private static float[] ramp() {
        float[] h = new float[Grid.PIXELS];
        for (int i = 0; i < h.length; i++) {
            h[i] = i;
        }
        return h;
    }

    private static SegmentationResult oneBatch(Threshold t, GtType type, List<GtMap> gts) {
        SegmentationMetrics m = new SegmentationMetrics(t, type);
        m.addBatch(Collections.nCopies(gts.size(), ramp()), gts);
        return m.compute();
    }

    @Test
    void adaptiveThresholdOfAnEmptyGtUsesHalfTheBatchSize() {
        // B = 8: index 50176 − 4, so 3 pixels are predicted on an empty GT: IoU = (50176 − 3)/(50176 + 1e-7)
        List<GtMap> eight = Collections.nCopies(8, GtMap.empty());
        assertEquals((50176 - 3) / (50176 + 1e-7) * 100,
                oneBatch(Threshold.ADAPTIVE, GtType.FLOAT64_MAP, eight).miouPercent(), 0.0);
        // B = 3: index 50176 − 1, nothing predicted
        List<GtMap> three = Collections.nCopies(3, GtMap.empty());
        assertEquals(50176 / (50176 + 1e-7) * 100,
                oneBatch(Threshold.ADAPTIVE, GtType.FLOAT64_MAP, three).miouPercent(), 0.0);
        // B = 1: int(1/2) = 0, index 50176: the reference fails with an IndexError
        assertThrows(IllegalArgumentException.class,
                () -> oneBatch(Threshold.ADAPTIVE, GtType.FLOAT64_MAP, List.of(GtMap.empty())));
    }

    @Test
    void adaptiveThresholdUsesTheGtSumNotItsNonZeroCount() {
        // three boxes over one 4×1 strip: consensus value 1 on 4 pixels and 0.5 on 4 more: ΣG = 6, 8 non-zero
        PixelBox a = new PixelBox(0, 0, 4, 1);
        PixelBox b = new PixelBox(0, 0, 8, 1);
        GtMap gt = GtMap.consensus(List.of(a, b));
        assertEquals(6.0, gt.sum(), 0.0);
        // t = value at index 50176 − 6 → 5 pixels 50171 … 50175 predicted, none on the GT strip
        SegmentationResult r = oneBatch(Threshold.ADAPTIVE, GtType.FLOAT64_MAP, List.of(gt));
        assertEquals(0.0 / (5 + 6 + 1e-7) * 100, r.miouPercent(), 0.0);
    }

    @Test
    void iouUsesTheEpsilonInTheArithmeticOfTheGtType() {
        // mask = the 25087 pixels above the median; GT = its first row, inside the mask
        boolean[] top = new boolean[Grid.PIXELS];
        for (int i = Grid.PIXELS - Grid.SIZE; i < Grid.PIXELS; i++) {
            top[i] = true;
        }
        GtMap gt = GtMap.fromMask(top);
        double f64 = oneBatch(Threshold.MEDIAN, GtType.FLOAT64_MAP, List.of(gt)).miouPercent();
        double f32 = oneBatch(Threshold.MEDIAN, GtType.UINT8_MASK, List.of(gt)).miouPercent();
        assertEquals(224 / (25087 + 1e-7) * 100, f64, 0.0);
        assertEquals((double) (224f / (25087f + 1e-7f)) * 100, f32, 0.0);
        assertTrue(f32 != f64);
    }

    @Test
    void fSkipsEmptyGtImagesAndTakesTheLargerOfTheTwoCurvePoints() {
        // image 1: empty GT (skipped in F); image 2: GT = the top row, mask = the 25087 pixels above the median
        boolean[] top = new boolean[Grid.PIXELS];
        for (int i = Grid.PIXELS - Grid.SIZE; i < Grid.PIXELS; i++) {
            top[i] = true;
        }
        SegmentationResult r = oneBatch(Threshold.MEDIAN, GtType.UINT8_MASK, List.of(GtMap.empty(), GtMap.fromMask(top)));
        assertEquals(1, r.fImages());
        float pMask = 224f / 25087f;
        float fMask = 1.3f * pMask * 1f / (0.3f * pMask + 1f);
        float pAll = 224f / 50176f;
        float fAll = 1.3f * pAll * 1f / (0.3f * pAll + 1f);
        assertTrue(fMask > fAll);
        assertEquals((double) fMask * 100, r.fMeasurePercent(), 0.0);
    }

    @Test
    void emptyMaskHasPrecisionZeroSoTheCurveFallsBackToPredictAll() {
        float[] constant = new float[Grid.PIXELS]; // t50 = 0 and {h > 0} is empty
        GtMap gt = GtMap.union(List.of(new PixelBox(0, 0, 10, 10)));
        SegmentationMetrics m = new SegmentationMetrics(Threshold.MEDIAN, GtType.FLOAT64_MAP);
        m.addBatch(List.of(constant), List.of(gt));
        SegmentationResult r = m.compute();
        float pAll = (float) (100.0 / 50176);
        assertEquals((double) (1.3f * pAll * 1f / (0.3f * pAll + 1f)) * 100, r.fMeasurePercent(), 0.0);
        assertEquals(0.0, r.miouPercent(), 0.0);
    }

    @Test
    void rejectsHalfValuedGtInMaskModeAndMismatchedBatches() {
        GtMap halves = GtMap.consensus(List.of(new PixelBox(0, 0, 2, 2)));
        SegmentationMetrics m = new SegmentationMetrics(Threshold.MEDIAN, GtType.UINT8_MASK);
        assertThrows(IllegalArgumentException.class, () -> m.addBatch(List.of(ramp()), List.of(halves)));
        assertThrows(IllegalArgumentException.class, () -> m.addBatch(List.of(ramp()), List.of()));
        assertThrows(IllegalStateException.class, m::compute);
        SegmentationMetrics noGt = new SegmentationMetrics(Threshold.MEDIAN, GtType.FLOAT64_MAP);
        noGt.addBatch(List.of(ramp()), List.of(GtMap.empty()));
        assertTrue(Double.isNaN(noGt.compute().fMeasurePercent()));
    }
}
