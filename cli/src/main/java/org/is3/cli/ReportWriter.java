package org.is3.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.is3.core.metrics.ExtendedResult;
import org.is3.core.metrics.LocalizationResult;
import org.is3.core.metrics.NegativeAudioResult;
import org.is3.core.metrics.NegativeThreshold;
import org.is3.core.scoring.SampleResult;
import org.is3.core.scoring.ScoreJson;
import org.is3.core.scoring.ScoreOptions;
import org.is3.core.scoring.ScoreReport;

/** Renders a score report: JSON (fractions), a paper-style table (×100), per-sample CSV. */
final class ReportWriter {
    private ReportWriter() {
    }

    /** One line: the metrics object of {@link ScoreJson#metrics}. */
    static String json(ScoreReport report) {
        return ScoreJson.toJson(ScoreJson.metrics(report)) + System.lineSeparator();
    }

    static String table(ScoreReport report, ScoreOptions options) {
        LocalizationResult l = report.localization();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%d samples, %d groups, protocol %s%n", l.n(), l.nGroups(),
                options.protocol().name()));
        sb.append(String.format("%-10s %8s %8s %10s%n", "", "cIoU", "AUC", "mean cIoU"));
        sb.append(String.format("%-10s %8s %8s %10s%n", "top-50%", pct(l.ciou()), pct(l.auc()), pct(l.meanCiou())));
        sb.append(String.format("%-10s %8s %8s %10s%n", "adaptive", pct(l.ciouAdap()), pct(l.aucAdap()),
                pct(l.meanCiouAdap())));
        sb.append(String.format("%-10s %8s %8s%n", "", "IIoU", "IAUC"));
        sb.append(String.format("%-10s %8s %8s%n", "top-50%", pct(l.iiou()), pct(l.iauc())));
        sb.append(String.format("%-10s %8s %8s%n", "adaptive", pct(l.iiouAdap()), pct(l.iaucAdap())));
        ExtendedResult e = report.extended();
        if (e != null) {
            sb.append(String.format("extended (%d negatives): AP %s  max-F1 %s  LocAcc %s%n", report.negatives(),
                    pct(e.ap()), pct(e.maxF1()), pct(e.locAcc())));
        }
        NegativeAudioResult na = report.negativeAudio();
        if (na != null) {
            // NegativeAudioResult holds eval.py's percentages already
            sb.append(String.format("negative audio (%d instances, T %s): pIA silence %.2f  noise %.2f  offscreen %.2f"
                            + "  AUC-pIA silence %.2f  noise %.2f  offscreen %.2f  F_pos_neg %.2f  F_AUC_AOC %.2f%n",
                    na.samples(), describe(options.negativeThreshold()), na.silence().pIA(), na.noise().pIA(),
                    na.offscreen().pIA(), na.silence().aucPIA(), na.noise().aucPIA(), na.offscreen().aucPIA(),
                    na.fPosNeg(), na.fAucAocPosNeg()));
        }
        if (report.missing() > 0) {
            sb.append(report.missing()).append(" samples had no prediction and scored as failures")
                    .append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** The §7 threshold rule: its value, or whose order statistic it is. */
    private static String describe(NegativeThreshold rule) {
        if (rule instanceof NegativeThreshold.Universal u) {
            return "= " + u.value();
        }
        return rule instanceof NegativeThreshold.PositiveMedian ? "= positive t50" : "= positive t_k";
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "nan" : String.format("%.2f", v * 100);
    }

    static void writePerSample(ScoreReport report, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            boolean ext = report.extended() != null;
            w.write(ext ? "id,kind,missing,ciou,ciou_adap,extended_ciou,confidence\n" : "id,missing,ciou,ciou_adap\n");
            for (SampleResult s : report.samples()) {
                w.write(csv(s.id()));
                if (ext) {
                    w.write(',');
                    w.write(s.kind().name().toLowerCase());
                }
                w.write(',' + Boolean.toString(s.missing()) + ',' + s.ciou() + ',' + s.ciouAdaptive());
                if (ext) {
                    w.write(',' + Double.toString(s.extendedCIoU()) + ',' + s.confidence());
                }
                w.write('\n');
            }
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
