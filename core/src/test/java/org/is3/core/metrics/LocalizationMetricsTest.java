package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** metrics.md §2–§4: success rates, NaN rules and IIoU groups, computed by hand. */
class LocalizationMetricsTest {

    @Test
    void groupKeyDropsTheLastTokenOfTheBasename() {
        assertEquals("accordion_female_10438", LocalizationMetrics.groupKey("accordion_female_10438_accordion"));
        assertEquals("", LocalizationMetrics.groupKey("plainname"));
        assertEquals("", LocalizationMetrics.groupKey(""));
        assertEquals("", LocalizationMetrics.groupKey("_lead"));
        assertEquals("trail", LocalizationMetrics.groupKey("trail_"));
        assertEquals("a_", LocalizationMetrics.groupKey("a__b"));
        assertEquals("x", LocalizationMetrics.groupKey("dir/sub/x_y.jpg"));
        assertEquals("x", LocalizationMetrics.groupKey("d_ir.jpg/x_y"));
        assertEquals("a_b", LocalizationMetrics.groupKey("a.jpg_b_c"), "every .jpg is removed");
    }

    @Test
    void groupsOfOneTwoAndThree() {
        LocalizationMetrics m = new LocalizationMetrics();
        m.add("img1_cat", new SampleCIoU(0.6, 0.6));
        m.add("img1_dog", new SampleCIoU(0.4, 0.7));   // group img1 fails at 0.5, passes adaptive
        m.add("img2_cat", new SampleCIoU(0.5, 0.1));   // ≥ 0.5 succeeds
        m.add("img3_a", new SampleCIoU(0.7, 0.9));
        m.add("img3_b", new SampleCIoU(0.8, 0.9));
        m.add("img3_c", new SampleCIoU(0.9, 0.9));
        LocalizationResult r = m.compute();
        assertEquals(6, r.n());
        assertEquals(3, r.nGroups());
        assertEquals(5.0 / 6, r.ciou(), 0.0);
        assertEquals(5.0 / 6, r.ciouAdap(), 0.0);
        assertEquals(2.0 / 3, r.iiou(), 0.0);
        assertEquals(2.0 / 3, r.iiouAdap(), 0.0);
        assertEquals((((0.6 + 0.4) + 0.5) + 0.7 + 0.8 + 0.9) / 6, r.meanCiou(), 0.0);
        // group minima 0.4, 0.5, 0.7: y = 1 to x_8, 2/3 at x_9..x_10, 1/3 at x_11..x_13, 0 after;
        // 0.7 fails x_14 = 0.7000000000000001
        double[] y = new double[Curve.POINTS];
        for (int i = 0; i < Curve.POINTS; i++) {
            y[i] = i <= 8 ? 1.0 : i <= 10 ? 2.0 / 3 : i <= 13 ? 1.0 / 3 : 0.0;
        }
        assertEquals(Curve.auc(y), r.iauc(), 0.0);
    }

    @Test
    void nanFailsTheSuccessRateButPoisonsMeanAndIiou() {
        LocalizationMetrics m = new LocalizationMetrics();
        m.add("a_1", new SampleCIoU(Double.NaN, 0.9));
        m.add("b_1", new SampleCIoU(0.9, 0.9));
        LocalizationResult r = m.compute();
        assertEquals(0.5, r.ciou(), 0.0);
        assertEquals(1.0, r.ciouAdap(), 0.0);
        assertTrue(Double.isNaN(r.meanCiou()));
        assertTrue(Double.isNaN(r.iiou()));
        assertTrue(Double.isNaN(r.iauc()));
        assertEquals(1.0, r.iiouAdap(), 0.0);
        // y = 1/2 up to x_18 = 0.9, then 0: 18·0.05·0.5 + 0.05·0.25
        assertEquals(0.4625, r.auc(), 1e-15);
    }

    @Test
    void noSamplesCannotBeAggregated() {
        assertThrows(IllegalStateException.class, () -> new LocalizationMetrics().compute());
    }
}
