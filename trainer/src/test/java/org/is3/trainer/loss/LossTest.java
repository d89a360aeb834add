package org.is3.trainer.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.is3.models.runtime.DjlRuntime;
import org.is3.trainer.model.Similarity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LossTest {

    private static NDManager m;

    @BeforeAll
    static void start() {
        m = NDManager.newBaseManager(DjlRuntime.device(), DjlRuntime.ENGINE);
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    @Test
    void infoNceOfTheIdentityAtTauOneIsLogOfOnePlusOneOverE() {
        NDArray sim = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
        // each row and column: −log(e / (e + 1))
        assertEquals(Math.log(1 + Math.exp(-1)), InfoNce.symmetric(sim, 1f).getFloat(), 1e-6);
    }

    @Test
    void infoNceAveragesBothDirectionsAtThePaperTemperature() {
        double[][] s = {{0.5, 0.1}, {0.2, 0.4}};
        double t = 0.07;
        double r0 = -Math.log(Math.exp(s[0][0] / t) / (Math.exp(s[0][0] / t) + Math.exp(s[0][1] / t)));
        double r1 = -Math.log(Math.exp(s[1][1] / t) / (Math.exp(s[1][0] / t) + Math.exp(s[1][1] / t)));
        double c0 = -Math.log(Math.exp(s[0][0] / t) / (Math.exp(s[0][0] / t) + Math.exp(s[1][0] / t)));
        double c1 = -Math.log(Math.exp(s[1][1] / t) / (Math.exp(s[0][1] / t) + Math.exp(s[1][1] / t)));
        NDArray sim = m.create(new float[] {0.5f, 0.1f, 0.2f, 0.4f}, new Shape(2, 2));
        assertEquals((r0 + r1 + c0 + c1) / 4, InfoNce.symmetric(sim, InfoNce.PAPER_TAU).getFloat(), 1e-4);
    }

    @Test
    void localizationSimilarityIsTheMeanOfTheLocationCosines() {
        // one image, 2 channels, 1×2 locations: (3, 0) and (1, 1); audio (2, 0) and (0, 5)
        NDArray v = m.create(new float[] {3, 1, 0, 1}, new Shape(1, 2, 1, 2));
        NDArray a = m.create(new float[] {2, 0, 0, 5}, new Shape(2, 2));
        double r = Math.sqrt(0.5);
        assertArrayEquals(new float[] {(float) ((1 + r) / 2), (float) ((0 + r) / 2)},
                Similarity.localization(v, a).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {1f, (float) r}, Similarity.maps(v, a.get("0:1")).toFloatArray(), 1e-6f);
    }

    @Test
    void alignmentSimilarityIsTheCosineOfTheProjections() {
        NDArray pv = m.create(new float[] {1, 0, 1, 1}, new Shape(2, 2));
        NDArray pa = m.create(new float[] {0, 2, 3, 0}, new Shape(2, 2));
        double r = Math.sqrt(0.5);
        assertArrayEquals(new float[] {0, 1, (float) r, (float) r}, Similarity.alignment(pv, pa).toFloatArray(), 1e-6f);
    }

    @Test
    void alignmentLossIsTheMeanOverViewPairsOfBothInfoNceTerms() {
        NDArray v = m.create(new float[] {1, 0, 0, 0, 0, 1, 1, 1}, new Shape(2, 2, 1, 2));
        NDArray a = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
        NDArray pv = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
        NDArray pa = m.create(new float[] {1, 1, 0, 1}, new Shape(2, 2));
        float one = InfoNce.symmetric(Similarity.localization(v, a), 0.07f).getFloat()
                + InfoNce.symmetric(Similarity.alignment(pv, pa), 0.07f).getFloat();
        AlignmentLoss.Terms t = AlignmentLoss.compute(List.of(v, v, v), List.of(pv, pv, pv), List.of(a, a, a),
                List.of(pa, pa, pa), 0.07f);
        assertEquals(one, t.total().getFloat(), 1e-5);
    }

    @Test
    void negativeAudioTermPenalisesPositiveCosinesSpreadAndAlignment() {
        // one image, locations (1, 0) and (0, 1); one negative audio (1, 0): cosines 1 and 0
        NDArray v = m.create(new float[] {1, 0, 0, 1}, new Shape(1, 2, 1, 2));
        NDArray n = m.create(new float[] {1, 0}, new Shape(1, 2));
        NDArray pv = m.create(new float[] {1, 1}, new Shape(1, 2));
        NDArray pn = m.create(new float[] {1, 0}, new Shape(1, 2));
        NegativeAudioLoss.Terms t = NegativeAudioLoss.compute(v, pv, n, pn);
        assertEquals(0.5, t.low().getFloat(), 1e-6);
        assertEquals(0.25, t.flat().getFloat(), 1e-6);
        assertEquals(Math.sqrt(0.5), t.away().getFloat(), 1e-6);
        // a negative pointing away from every location costs nothing
        NegativeAudioLoss.Terms none = NegativeAudioLoss.compute(v, pv, m.create(new float[] {-1, -1}, new Shape(1, 2)),
                m.create(new float[] {-1, 0}, new Shape(1, 2)));
        assertEquals(0, none.total().getFloat(), 1e-6);
    }
}
