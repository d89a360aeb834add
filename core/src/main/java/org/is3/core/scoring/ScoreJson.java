package org.is3.core.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.Curve;
import org.is3.core.metrics.ExtendedResult;
import org.is3.core.metrics.LocalizationResult;
import org.is3.core.metrics.NegativeAudioResult;
import org.is3.core.metrics.NegativeTypeResult;

/**
 * A score report as the metrics object of {@code is3 eval score --json}: fractions, NaN as null.
 * The eval server's stored results ({@code eval_result.metrics}) add the two 21-point success-rate
 * curves the leaderboard plots. One definition of the keys for the cli and the server, so a
 * leaderboard entry and a local score of the same file agree key for key.
 */
public final class ScoreJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScoreJson() {
    }

    /** The metrics under the keys of {@code is3 eval score --json}, in that order. */
    public static Map<String, Object> metrics(ScoreReport report) {
        LocalizationResult l = report.localization();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", l.n());
        m.put("n_groups", l.nGroups());
        put(m, "ciou", l.ciou());
        put(m, "auc", l.auc());
        put(m, "mean_ciou", l.meanCiou());
        put(m, "ciou_adap", l.ciouAdap());
        put(m, "auc_adap", l.aucAdap());
        put(m, "mean_ciou_adap", l.meanCiouAdap());
        put(m, "iiou", l.iiou());
        put(m, "iiou_adap", l.iiouAdap());
        put(m, "iauc", l.iauc());
        put(m, "iauc_adap", l.iaucAdap());
        ExtendedResult e = report.extended();
        if (e != null) {
            m.put("n_negatives", report.negatives());
            put(m, "ap", e.ap());
            put(m, "max_f1", e.maxF1());
            put(m, "loc_acc", e.locAcc());
        }
        NegativeAudioResult na = report.negativeAudio();
        if (na != null) {
            putNegativeAudio(m, na);
        }
        if (report.missing() > 0) {
            m.put("n_missing", report.missing());
        }
        return m;
    }

    /**
     * metrics.md §7 as fractions like every other key: {@link NegativeAudioResult} holds vssl_eval's
     * percentages (× 100), so each value here is that number / 100. {@code pia_<type>} is the mean pIA
     * (lower is better), {@code auc_pia_<type>} the area under the "pIA ≤ 0.05·i" curve (higher is
     * better), {@code f_pos_neg} and {@code f_auc_aoc_pos_neg} the harmonic means of eval.py.
     */
    private static void putNegativeAudio(Map<String, Object> m, NegativeAudioResult na) {
        m.put("n_negative_audio", na.samples());
        NegativeTypeResult[] types = {na.silence(), na.noise(), na.offscreen()};
        String[] names = {"silence", "noise", "offscreen"};
        for (int i = 0; i < types.length; i++) {
            put(m, "pia_" + names[i], types[i].pIA() / 100);
        }
        for (int i = 0; i < types.length; i++) {
            put(m, "auc_pia_" + names[i], types[i].aucPIA() / 100);
        }
        put(m, "f_pos_neg", na.fPosNeg() / 100);
        put(m, "f_auc_aoc_pos_neg", na.fAucAocPosNeg() / 100);
    }

    /**
     * {@link #metrics} plus {@code curve} and {@code curve_adap}: the success rates
     * {@code #(cIoU ≥ 0.05·i) / n}, i = 0..20, over the positive samples (metrics.md §2, §3), whose
     * points 10 and the trapezoid area are the reported cIoU and AUC.
     */
    public static Map<String, Object> withCurves(ScoreReport report) {
        Map<String, Object> m = metrics(report);
        List<SampleResult> positives = report.samples().stream().filter(s -> s.kind() == SampleKind.POSITIVE).toList();
        double[] ciou = new double[positives.size()];
        double[] ciouAdap = new double[positives.size()];
        for (int i = 0; i < ciou.length; i++) {
            ciou[i] = positives.get(i).ciou();
            ciouAdap[i] = positives.get(i).ciouAdaptive();
        }
        m.put("curve", nullForNaN(Curve.successRates(ciou, ciou.length)));
        m.put("curve_adap", nullForNaN(Curve.successRates(ciouAdap, ciouAdap.length)));
        return m;
    }

    /** One line of JSON. */
    public static String toJson(Map<String, Object> metrics) {
        try {
            return JSON.writeValueAsString(metrics);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metrics are not serialisable: " + e.getMessage(), e);
        }
    }

    private static void put(Map<String, Object> m, String key, double v) {
        m.put(key, Double.isNaN(v) ? null : v);
    }

    private static List<Double> nullForNaN(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isNaN(v) ? null : v);
        }
        return out;
    }
}
