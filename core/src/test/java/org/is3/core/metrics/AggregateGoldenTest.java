package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The aggregators alone, bit for bit against SSLalignment's {@code Evaluator_iiou} and SLAVC's
 * {@code EvaluatorFull} fed the per-sample values of {@code aggregate-sets.txt}: cIoU values on and
 * just below the 0.05·i thresholds, NaN, sets of 1, 2 and 3 samples, groups of 1–3 members and odd
 * names, 5000 samples (numpy's pairwise mean), extended sets with negatives only, n = 1 and 2,
 * n = 199/200/450/2500 (AP threshold strides 1, 1, 2, 12), tied confidences and GT areas on the
 * size-subset boundaries.
 */
class AggregateGoldenTest {
    private static final String DIR = "/org/is3/core/metrics/";

    private static double hex(String s) {
        return ReferenceInputs.parseHex(s);
    }

    @Test
    void localizationAndExtendedAggregatesEqualTheReference() {
        Map<String, LocalizationMetrics> loc = new LinkedHashMap<>();
        Map<String, ExtendedMetrics> ext = new LinkedHashMap<>();
        for (String[] r : ReferenceInputs.rows(DIR + "aggregate-sets.txt")) {
            if (r[0].equals("loc")) {
                loc.computeIfAbsent(r[1], k -> new LocalizationMetrics())
                        .add(r[2], new SampleCIoU(hex(r[3]), hex(r[4])));
            } else {
                ext.computeIfAbsent(r[1], k -> new ExtendedMetrics())
                        .add(Integer.parseInt(r[2]), hex(r[3]), (float) hex(r[4]), hex(r[5]));
            }
        }
        int locChecked = 0;
        int extChecked = 0;
        for (String[] g : ReferenceInputs.rows(DIR + "aggregate-golden.txt")) {
            if (g[0].equals("loc")) {
                assertLocalization(g, loc.get(g[1]).compute());
                locChecked++;
            } else {
                assertSubset(g, ext.get(g[1]).compute());
                extChecked++;
            }
        }
        assertEquals(loc.size(), locChecked);
        assertEquals(12 * ext.size(), extChecked);
    }

    /** {@code loc SET PROTOCOL n nGroups ciou auc mean ciouAdap aucAdap meanAdap iiou iiouAdap iauc iaucAdap}. */
    static void assertLocalization(String[] g, LocalizationResult r) {
        String what = g[1] + " " + g[2] + " ";
        assertEquals(Integer.parseInt(g[3]), r.n(), what + "n");
        assertEquals(Integer.parseInt(g[4]), r.nGroups(), what + "groups");
        double[] expected = new double[10];
        for (int i = 0; i < 10; i++) {
            expected[i] = hex(g[5 + i]);
        }
        double[] actual = {r.ciou(), r.auc(), r.meanCiou(), r.ciouAdap(), r.aucAdap(), r.meanCiouAdap(),
                r.iiou(), r.iiouAdap(), r.iauc(), r.iaucAdap()};
        String[] names = {"cIoU", "AUC", "mean cIoU", "cIoU_adap", "AUC_adap", "mean cIoU_adap",
                "IIoU", "IIoU_adap", "IAUC", "IAUC_adap"};
        for (int i = 0; i < 10; i++) {
            assertEquals(expected[i], actual[i], 0.0, what + names[i]);
        }
    }

    /** {@code ext SET MODE θ SUBSET n precision ap auc f1,f1,…} ({@code -} for an empty subset). */
    static void assertSubset(String[] g, ExtendedResult r) {
        double theta = hex(g[3]);
        ExtendedSubset subset = ExtendedSubset.valueOf(g[4].toUpperCase());
        SubsetScores s = r.get(subset, theta);
        String what = g[1] + " " + g[2] + " " + g[4] + "@" + theta + " ";
        assertEquals(Integer.parseInt(g[5]), s.n(), what + "n");
        assertEquals(hex(g[6]), s.precision(), 0.0, what + "precision");
        assertEquals(hex(g[7]), s.ap(), 0.0, what + "AP");
        assertEquals(hex(g[8]), s.auc(), 0.0, what + "AUC");
        List<Double> f1 = new ArrayList<>();
        if (!g[9].equals("-")) {
            for (String v : g[9].split(",")) {
                f1.add(hex(v));
            }
        }
        assertEquals(f1, s.f1(), what + "F1 list");
    }
}
