package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** metrics.md §2, §7: the 0.05·i thresholds, NaN, the ≥ and ≤ curves, the trapezoid. */
class CurveTest {

    @Test
    void sevenThresholdsLieOneUlpAboveTheDecimal() {
        assertEquals(0.15000000000000002, Curve.threshold(3), 0.0);
        assertEquals(0.8500000000000001, Curve.threshold(17), 0.0);
        assertEquals(0.5, Curve.threshold(10), 0.0);
        assertEquals(1.0, Curve.threshold(20), 0.0);
    }

    @Test
    void aCIoUOfExactly3Over20Or17Over20FailsItsOwnStep() {
        double[] y = Curve.successRates(new double[] {300.0 / 2000, 1700.0 / 2000}, 2);
        assertEquals(1.0, y[2], 0.0);
        assertEquals(0.5, y[3], 0.0);   // 3/20 < 0.05*3
        assertEquals(0.5, y[16], 0.0);
        assertEquals(0.0, y[17], 0.0);  // 17/20 < 0.05*17
        // a single sample at exactly 3/20 passes x_0..x_2 only: AUC = 2·0.05 + 0.05/2
        assertEquals(0.125, Curve.auc(Curve.successRates(new double[] {3.0 / 20}, 1)), 0.0);
        // 0.05*3 itself passes x_3: one more trapezoid step, with numpy's rounding
        assertEquals(0.17500000000000002, Curve.auc(Curve.successRates(new double[] {0.05 * 3}, 1)), 0.0);
    }

    @Test
    void nanFailsEveryStepIncludingZero() {
        double[] y = Curve.successRates(new double[] {Double.NaN, 0.0}, 2);
        assertEquals(0.5, y[0], 0.0);
        assertEquals(0.0, y[1], 0.0);
    }

    @Test
    void atMostRatesCountAValueAtItsOwnStepAndNeverNaN() {
        // the AUC-pIA curve of metrics.md §7: 3/20 lies below x_3 = 0.05*3, so it passes x_3 under ≤
        double[] y = Curve.atMostRates(new double[] {3.0 / 20}, 1);
        assertEquals(0.0, y[2], 0.0);
        assertEquals(1.0, y[3], 0.0);
        assertEquals(0.875, Curve.auc(y), 0.0); // numpy 1.26 trapz
        assertEquals(0.024999999999999967, Curve.auc(Curve.atMostRates(new double[] {1.0}, 1)), 0.0);
        double[] withNaN = Curve.atMostRates(new double[] {Double.NaN, 0.0}, 2);
        assertEquals(0.5, withNaN[0], 0.0);
        assertEquals(0.5, withNaN[20], 0.0);
    }

    @Test
    void trapezoid() {
        double[] ones = new double[Curve.POINTS];
        java.util.Arrays.fill(ones, 1.0);
        assertEquals(1.0, Curve.auc(ones), 0.0);
        // a single cIoU of 0.5: y = 1 up to x_10, then 0 → 10·0.05 + 0.05/2
        assertEquals(0.525, Curve.auc(Curve.successRates(new double[] {0.5}, 1)), 0.0);
        ones[4] = Double.NaN;
        assertTrue(Double.isNaN(Curve.auc(ones)));
        assertTrue(Double.isNaN(Curve.auc(Curve.successRates(new double[0], 0))), "no samples: 0/0");
    }
}
