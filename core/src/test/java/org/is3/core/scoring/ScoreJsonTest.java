package org.is3.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.LocalizationResult;
import org.junit.jupiter.api.Test;

class ScoreJsonTest {

    private static SampleResult sample(String id, SampleKind kind, double ciou, double adaptive) {
        return new SampleResult(id, kind, false, ciou, adaptive, Double.NaN, Float.NaN);
    }

    @Test
    void theKeysOfEvalScoreJsonWithNaNAsNullAndTheCurvesOverThePositives() {
        LocalizationResult l = new LocalizationResult(3, 2, 1 / 3.0, 0.4, Double.NaN, 0.25, 0.35, 0.3,
                Double.NaN, 0.5, Double.NaN, 0.45);
        List<SampleResult> samples = List.of(sample("a_1", SampleKind.POSITIVE, 0.5, 0.9),
                sample("a_2", SampleKind.POSITIVE, 0.21, 0.0), sample("b_1", SampleKind.POSITIVE, Double.NaN, 0.3),
                sample("silent_1", SampleKind.SILENCE, 1.0, 1.0));
        ScoreReport report = new ScoreReport(l, null, samples, 2);

        Map<String, Object> m = ScoreJson.withCurves(report);

        assertEquals(List.of("n", "n_groups", "ciou", "auc", "mean_ciou", "ciou_adap", "auc_adap", "mean_ciou_adap",
                "iiou", "iiou_adap", "iauc", "iauc_adap", "n_missing", "curve", "curve_adap"), new ArrayList<>(m.keySet()));
        assertEquals(3, m.get("n"));
        assertNull(m.get("mean_ciou"));
        assertEquals(2, m.get("n_missing"));
        @SuppressWarnings("unchecked")
        List<Double> curve = (List<Double>) m.get("curve");
        assertEquals(21, curve.size());
        // NaN passes no threshold, not even 0; the silence sample's 1.0 is not a positive's
        assertEquals(2 / 3.0, curve.get(0));
        assertEquals(2 / 3.0, curve.get(4));
        assertEquals(1 / 3.0, curve.get(5));
        assertEquals(1 / 3.0, curve.get(10));
        assertEquals(0.0, curve.get(11));
        @SuppressWarnings("unchecked")
        List<Double> adaptive = (List<Double>) m.get("curve_adap");
        assertEquals(1.0, adaptive.get(0));
        assertEquals(2 / 3.0, adaptive.get(1));
        assertEquals(1 / 3.0, adaptive.get(18));
        String json = ScoreJson.toJson(m);
        assertTrue(json.startsWith("{\"n\":3,\"n_groups\":2,\"ciou\":0.3333333333333333,\"auc\":0.4,\"mean_ciou\":null,"), json);
    }
}
