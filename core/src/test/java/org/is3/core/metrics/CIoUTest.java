package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.junit.jupiter.api.Test;

/** Hand-computed cases for every row of metrics.md §12 and the mask sizes of §2/§3. */
class CIoUTest {
    private static final int N = Grid.PIXELS;
    private static final LocalizationProtocol SSL = LocalizationProtocol.SSLALIGN;
    private static final LocalizationProtocol EZ = LocalizationProtocol.EZVSL;
    private static final LocalizationProtocol LVS = LocalizationProtocol.LVS;
    private static final LocalizationProtocol LVS_ORIG = LocalizationProtocol.LVS_ORIGINAL;

    private static GtMap box(int x0, int y0, int x1, int y1) {
        return GtMap.union(List.of(new PixelBox(x0, y0, x1, y1)));
    }

    private static final GtMap FULL = box(0, 0, 224, 224);

    /** h[i] = i: all values distinct, so minmax keeps them distinct (spacing 1/50175 ≫ ulp). */
    private static float[] ramp() {
        float[] h = new float[N];
        for (int i = 0; i < N; i++) {
            h[i] = i;
        }
        return h;
    }

    private static float[] constant(float c) {
        float[] h = new float[N];
        Arrays.fill(h, c);
        return h;
    }

    @Test
    void distinctValuesGiveStrict25087AndInclusive25088Pixels() {
        assertEquals(25087.0 / N, CIoU.score(ramp(), FULL, SSL).ciou(), 0.0);
        assertEquals(25088.0 / N, CIoU.score(ramp(), FULL, EZ).ciou(), 0.0);
    }

    @Test
    void adaptiveMaskHoldsKMinusOnePixels() {
        // GT = the last 100 pixels (row 223, columns 124..223) = the top-100 values of the ramp
        GtMap top100 = box(124, 223, 224, 224);
        assertEquals(100, CIoU.adaptiveK(top100));
        assertEquals(99.0 / 100, CIoU.score(ramp(), top100, SSL).ciouAdaptive(), 0.0);
        assertEquals(1.0, CIoU.score(ramp(), top100, EZ).ciouAdaptive(), 0.0);
    }

    @Test
    void constantHeatmap() {
        GtMap gt = box(0, 0, 10, 10);
        // t50 = c, nothing is > c
        assertEquals(new SampleCIoU(0.0, 0.0), CIoU.score(constant(0.25f), gt, SSL));
        assertEquals(new SampleCIoU(0.0, 0.0), CIoU.score(constant(0.25f), gt, LVS));
        assertTrue(Double.isNaN(CIoU.score(constant(0.25f), GtMap.empty(), SSL).ciou()));
        // ≥ selects every pixel
        assertEquals(100.0 / N, CIoU.score(constant(0.25f), gt, EZ).ciou(), 0.0);
        assertEquals(0.0, CIoU.score(constant(0.25f), GtMap.empty(), EZ).ciou(), 0.0);
        // LVS original: p = fl(1 + c) selects all iff ≥ 1
        assertEquals(100.0 / N, CIoU.score(constant(0.25f), gt, LVS_ORIG).ciou(), 0.0);
        assertEquals(0.0, CIoU.score(constant(-0.5f), gt, LVS_ORIG).ciou(), 0.0);
    }

    @Test
    void moreThanHalfTiedAtTheMax() {
        // 30000 pixels at the max, the rest distinct below: t50 is the max
        float[] h = new float[N];
        for (int i = 0; i < N; i++) {
            h[i] = i < 30000 ? 60000f : i;
        }
        GtMap gt = box(0, 0, 100, 1); // pixels 0..99, all tied at the max
        assertEquals(new SampleCIoU(0.0, 0.0), CIoU.score(h, gt, SSL));
        assertEquals(new SampleCIoU(0.0, 0.0), CIoU.score(h, gt, LVS));
        assertEquals(new SampleCIoU(100.0 / 30000, 100.0 / 30000), CIoU.score(h, gt, EZ));
        // the pixels equal to 1.0 after the LVS normalisation
        assertEquals(new SampleCIoU(100.0 / 30000, 100.0 / 30000), CIoU.score(h, gt, LVS_ORIG));
    }

    @Test
    void tiesAtTheThresholdAreAllDroppedOrAllKept() {
        float[] h = new float[N];
        for (int i = 0; i < N; i++) {
            h[i] = i / 2; // pairs tie; pixels 25088 and 25089 hold t50
        }
        assertEquals(25086.0 / N, CIoU.score(h, FULL, SSL).ciou(), 0.0);
        assertEquals(0.5, CIoU.score(h, FULL, EZ).ciou(), 0.0);
        // full-image GT: t_k = min; > drops both pixels at the min, ≥ keeps everything
        assertEquals(50174.0 / N, CIoU.score(h, FULL, SSL).ciouAdaptive(), 0.0);
        assertEquals(1.0, CIoU.score(h, FULL, EZ).ciouAdaptive(), 0.0);
    }

    @Test
    void nanHeatmapGivesAnEmptyMask() {
        float[] h = ramp();
        h[777] = Float.NaN;
        for (LocalizationProtocol p : LocalizationProtocol.ALL) {
            assertEquals(new SampleCIoU(0.0, 0.0), CIoU.score(h, box(0, 0, 10, 10), p), p.name());
            SampleCIoU empty = CIoU.score(h, GtMap.empty(), p);
            assertTrue(Double.isNaN(empty.ciou()) && Double.isNaN(empty.ciouAdaptive()), p.name());
        }
    }

    @Test
    void emptyGtOnAPositive() {
        assertEquals(N / 2, CIoU.adaptiveK(GtMap.empty()));
        // the mask is not empty: 0 / (0 + |A|) = 0, for the adaptive mask too (k = 25088)
        assertEquals(new SampleCIoU(0.0, 0.0), CIoU.score(ramp(), GtMap.empty(), SSL));
    }

    @Test
    void fullImageGtSelectsEverythingAboveTheMinimum() {
        assertEquals(N, CIoU.adaptiveK(FULL));
        assertEquals((N - 1.0) / N, CIoU.score(ramp(), FULL, SSL).ciouAdaptive(), 0.0);
    }

    @Test
    void onePixelGtHasAnEmptyAdaptiveMask() {
        GtMap atMax = box(223, 223, 224, 224); // the ramp's largest pixel
        SampleCIoU s = CIoU.score(ramp(), atMax, SSL);
        assertEquals(1.0 / 25087, s.ciou(), 0.0);
        assertEquals(0.0, s.ciouAdaptive(), 0.0);
    }

    @Test
    void flickrConsensusWeightsHalfPixels() {
        // columns 0..9 and 20..29 at 0.5, 10..19 at 1, rows 0..9: ΣG = 200, 300 non-zero pixels
        GtMap gt = GtMap.consensus(List.of(new PixelBox(0, 0, 20, 10), new PixelBox(10, 0, 30, 10)));
        float[] h = new float[N];
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 20; c++) {
                h[r * Grid.SIZE + c] = 1f;         // 50 + 100 of G inside the mask
                h[(100 + r) * Grid.SIZE + c] = 1f; // 200 pixels outside every box
            }
        }
        // inter = 0.5·100 + 1·100 = 150; union = 200 + 200 outside = 400
        assertEquals(150.0 / 400, CIoU.score(h, gt, SSL).ciou(), 0.0);
        assertEquals(300, CIoU.adaptiveK(gt));
    }

    @Test
    void rejectsHeatmapsNotOnTheGrid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CIoU.score(new float[100], GtMap.empty(), SSL));
        assertTrue(e.getMessage().contains("100 values, expected 224x224"), e.getMessage());
    }
}
