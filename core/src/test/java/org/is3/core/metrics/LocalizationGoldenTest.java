package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.core.gt.GtMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bit-for-bit comparison with the public reference code on heatmaps that exercise every row of
 * metrics.md §12 (ties, constant, NaN and ±∞ maps, more than half tied at the max, empty, full and
 * 1-pixel GT, Flickr halves, cIoU of exactly 3/20, 17/20 and 1/2, IIoU groups of 1–3 and odd names).
 *
 * <p>Goldens: SSLalignment {@code test.py validate()} (sslalign) and {@code validate_lvs()} (lvs)
 * with {@code utils.Evaluator_iiou}; EZ-VSL {@code test.py}/{@code utils.Evaluator} (ezvsl); LVS
 * {@code test.py main()} (lvs-original); SLAVC {@code test.py validate()} + {@code EvaluatorFull}
 * (extended), run unmodified in numpy 1.26.4 / scikit-learn 1.9.1 on the inputs of
 * {@link ReferenceInputs}. The adaptive/IIoU columns of ezvsl and lvs-original apply those protocols'
 * masks at {@code t_k} (no reference defines them; see {@link LocalizationProtocol}).
 */
class LocalizationGoldenTest {
    private static final String DIR = "/org/is3/core/metrics/";
    private static final Map<String, float[]> HEATMAPS = new LinkedHashMap<>();
    private static final Map<String, GtMap> GTS = new HashMap<>();
    private static final Map<String, Integer> BOXES = new HashMap<>();
    private static final Map<String, SampleCIoU> SCORES = new HashMap<>();
    private static final Map<String, ExtendedSample> EXTENDED = new HashMap<>();
    private static List<String[]> golden;

    private static ExtendedSample extended(String id, boolean relative) {
        return EXTENDED.computeIfAbsent(id + "\t" + relative,
                k -> ExtendedMetrics.score(HEATMAPS.get(id), GTS.get(id), 0.03, relative));
    }

    /** Scored once per sample and protocol, shared by the per-sample and the aggregate checks. */
    private static SampleCIoU score(String id, LocalizationProtocol p) {
        return SCORES.computeIfAbsent(id + "\t" + p.name(), k -> CIoU.score(HEATMAPS.get(id), GTS.get(id), p));
    }

    @BeforeAll
    static void load() {
        for (String[] c : ReferenceInputs.rows(DIR + "localization-cases.txt")) {
            HEATMAPS.put(c[0], ReferenceInputs.heatmap(c[2]));
            BOXES.put(c[0], Integer.parseInt(c[1]));
            GTS.put(c[0], ReferenceInputs.gtMap(c[3]));
        }
        golden = ReferenceInputs.rows(DIR + "localization-golden.txt");
    }

    private static double hex(String s) {
        return ReferenceInputs.parseHex(s);
    }

    @Test
    void perSampleCIoUEqualsTheReferenceUnderEveryProtocol() {
        int checked = 0;
        for (String[] g : golden) {
            if (!g[0].equals("sample")) {
                continue;
            }
            LocalizationProtocol p = LocalizationProtocol.fromName(g[2]);
            SampleCIoU s = score(g[1], p);
            assertEquals(hex(g[3]), s.ciou(), 0.0, g[1] + " " + g[2] + " cIoU");
            assertEquals(hex(g[4]), s.ciouAdaptive(), 0.0, g[1] + " " + g[2] + " adaptive cIoU");
            checked++;
        }
        assertEquals(4 * HEATMAPS.size(), checked);
    }

    @Test
    void perSampleExtendedScoresEqualSlavc() {
        int checked = 0;
        for (String[] g : golden) {
            if (!g[0].equals("extsample")) {
                continue;
            }
            float[] h = HEATMAPS.get(g[1]);
            GtMap gt = GTS.get(g[1]);
            ExtendedSample abs = extended(g[1], false);
            ExtendedSample rel = extended(g[1], true);
            assertEquals((float) hex(g[2]), abs.confidence(), 0.0f, g[1] + " confidence");
            assertEquals((float) hex(g[2]), rel.confidence(), 0.0f, g[1] + " confidence");
            assertEquals(hex(g[3]), abs.ciou(), 0.0, g[1] + " absolute-mask cIoU");
            assertEquals(hex(g[4]), rel.ciou(), 0.0, g[1] + " relative-mask cIoU");
            assertEquals((float) hex(g[5]), ExtendedMetrics.confidence(h, 0.1), 0.0f, g[1] + " confidence tau=0.1");
            assertEquals(hex(g[6]), gt.sum(), 0.0, g[1] + " GT area");
            checked++;
        }
        assertEquals(HEATMAPS.size(), checked);
    }

    @Test
    void aggregatesEqualEvaluatorIiou() {
        int checked = 0;
        for (String[] g : golden) {
            if (!g[0].equals("loc")) {
                continue;
            }
            LocalizationProtocol p = LocalizationProtocol.fromName(g[2]);
            LocalizationMetrics m = new LocalizationMetrics();
            for (Map.Entry<String, float[]> e : HEATMAPS.entrySet()) {
                GtMap gt = GTS.get(e.getKey());
                if (g[1].equals("cases") || !gt.isEmpty()) {
                    m.add(e.getKey(), score(e.getKey(), p));
                }
            }
            AggregateGoldenTest.assertLocalization(g, m.compute());
            checked++;
        }
        assertEquals(8, checked);
    }

    @Test
    void extendedAggregatesEqualEvaluatorFull() {
        Map<String, ExtendedResult> results = new HashMap<>();
        for (String mode : List.of("absolute", "relative")) {
            ExtendedMetrics m = new ExtendedMetrics();
            for (Map.Entry<String, float[]> e : HEATMAPS.entrySet()) {
                if (hasNaN(e.getValue())) {
                    continue; // NaN confidences are rejected (see ExtendedMetrics.add)
                }
                GtMap gt = GTS.get(e.getKey());
                ExtendedSample s = extended(e.getKey(), mode.equals("relative"));
                m.add(BOXES.get(e.getKey()), s.ciou(), s.confidence(), gt.sum());
            }
            results.put(mode, m.compute());
        }
        int checked = 0;
        for (String[] g : golden) {
            if (g[0].equals("ext")) {
                AggregateGoldenTest.assertSubset(g, results.get(g[2]));
                checked++;
            }
        }
        assertEquals(24, checked);
        assertTrue(results.get("absolute").get(ExtendedSubset.ALL, 0.5).n() > 100);
    }

    private static boolean hasNaN(float[] h) {
        for (float v : h) {
            if (Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
