package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.junit.jupiter.api.Test;

class AvsBenchMetricsTest {
    private static final int[][] BATCHES = {{0, 20}, {20, 40}, {40, 45}, {45, 52}};
    private static final int EMPTY_BATCH = 2;

    /**
     * Golden values: AVSBench's {@code mask_iou}, {@code _eval_pr}, {@code Eval_Fmeasure} and
     * {@code AverageMeter} run unchanged (but on CPU: {@code cuda_flag=False}) with torch 1.13.1, on 52
     * frames in batches of 20, 20, 5 (all GT empty) and 7.
     */
    @Test
    void matchesAvsBenchOnTorchCpuBitForBit() throws IOException {
        JsonNode g;
        try (InputStream in = getClass().getResourceAsStream("avsbench-golden.json")) {
            g = new ObjectMapper().readTree(in);
        }
        AvsBenchMetrics m = new AvsBenchMetrics();
        for (int b = 0; b < BATCHES.length; b++) {
            List<float[]> logits = new ArrayList<>();
            List<GtMap> masks = new ArrayList<>();
            for (int s = BATCHES[b][0]; s < BATCHES[b][1]; s++) {
                logits.add(SeededInputs.logits(6000 + s, s % 6 == 3 ? 0 : 700 + 50 * (s % 7)));
                masks.add(b == EMPTY_BATCH || s % 9 == 4 ? GtMap.empty() : mask(s));
            }
            AvsBenchBatch batch = m.addBatch(logits, masks);
            JsonNode expected = g.get("batches").get(b);
            assertEquals(hex(expected.get(0)), Double.toHexString(batch.miou()), "batch " + b + " iou");
            assertEquals(hex(expected.get(1)), Double.toHexString(batch.fMeasure()), "batch " + b + " F");
        }
        AvsBenchResult r = m.compute();
        assertEquals(4, r.batches());
        assertEquals(hex(g.get("miou")), Double.toHexString(r.miou()));
        assertEquals(hex(g.get("f")), Double.toHexString(r.fMeasure()));
    }

    private static GtMap mask(int s) {
        List<PixelBox> b = new ArrayList<>();
        b.add(SeededInputs.boxNearBlob(6000 + s, 0));
        b.addAll(SeededInputs.boxes(s + 311, s % 2));
        return GtMap.union(b);
    }

    private static String hex(JsonNode pythonHex) {
        return Double.toHexString(Double.parseDouble(pythonHex.asText()));
    }

    // ---- hand-computed edge rules -------------------------------------------------------------

    private static float[] constant(float v) {
        float[] l = new float[Grid.PIXELS];
        java.util.Arrays.fill(l, v);
        return l;
    }

    @Test
    void batchWithoutAnyGtContributesZeroToF() {
        AvsBenchMetrics m = new AvsBenchMetrics();
        AvsBenchBatch empty = m.addBatch(List.of(constant(-5f)), List.of(GtMap.empty()));
        assertEquals(0.0, empty.fMeasure(), 0.0);
        // an empty mask on an empty GT: every pixel is a true negative
        assertEquals((double) (50176f / (50176f + 1e-7f)), empty.miou(), 0.0);
        GtMap all = GtMap.fromMask(filled());
        AvsBenchBatch perfect = m.addBatch(List.of(constant(5f)), List.of(all));
        assertEquals(1.0, perfect.fMeasure(), 0.0);
        assertEquals(0.5, m.compute().fMeasure(), 0.0);
    }

    @Test
    void tinyPositiveLogitIsNotInTheMask() {
        AvsBenchMetrics m = new AvsBenchMetrics();
        AvsBenchBatch b = m.addBatch(List.of(constant(1e-8f)), List.of(GtMap.empty()));
        assertEquals((double) (50176f / (50176f + 1e-7f)), b.miou(), 0.0);
    }

    @Test
    void iouOfAHalfCoveringMask() {
        float[] logits = constant(-5f);
        boolean[] gt = new boolean[Grid.PIXELS];
        for (int i = 0; i < 1000; i++) {
            logits[i] = 5f;
            gt[i] = i < 500;
        }
        AvsBenchMetrics m = new AvsBenchMetrics();
        AvsBenchBatch b = m.addBatch(List.of(logits), List.of(GtMap.fromMask(gt)));
        assertEquals((double) (500f / (1000f + 1e-7f)), b.miou(), 0.0);
    }

    @Test
    void rejectsConsensusMapsAndMismatchedBatches() {
        AvsBenchMetrics m = new AvsBenchMetrics();
        GtMap halves = GtMap.consensus(List.of(new PixelBox(0, 0, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> m.addBatch(List.of(constant(0f)), List.of(halves)));
        assertThrows(IllegalArgumentException.class, () -> m.addBatch(List.of(), List.of()));
        assertThrows(IllegalStateException.class, m::compute);
    }

    private static boolean[] filled() {
        boolean[] b = new boolean[Grid.PIXELS];
        java.util.Arrays.fill(b, true);
        return b;
    }
}
