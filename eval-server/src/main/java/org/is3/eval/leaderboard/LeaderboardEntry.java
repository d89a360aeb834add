package org.is3.eval.leaderboard;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One scored submission as the leaderboard shows it: the metadata a team sent with its upload,
 * the flags of the papers' tables, and the aggregate metrics of one split. In JSON its fields are
 * snake_case like the upload's form fields and the metric keys ({@code paper_url}, {@code uses_ogl},
 * {@code curve_adap}).
 *
 * @param submissionId  the submission's id
 * @param team          the team's name, as typed by an admin (escaped on every page)
 * @param method        the method name the team typed (escaped on every page)
 * @param description   free text, may be empty
 * @param paperUrl      may be null; only http(s) URLs become links
 * @param codeUrl       may be null; only http(s) URLs become links
 * @param submittedAt   when it was uploaded (ISO-8601 in JSON, without needing Jackson's JSR-310 module)
 * @param upsampledFrom the upload's map size when the server upsampled it (e.g. "7x7"), else null
 * @param metrics       fractions under the keys of {@code is3 eval score --json}; a metric that
 *                      is NaN or absent has no entry (a null value counts as absent)
 * @param curve         the 21 success rates y_i = #(cIoU ≥ 0.05·i)/n (metrics.md §2), or null
 * @param curveAdap     the same for the adaptive cIoU (metrics.md §3), or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LeaderboardEntry(long submissionId, String team, String method, String description,
                               String paperUrl, String codeUrl, boolean pretrainedVision, boolean usesOgl,
                               boolean baseline, String upsampledFrom,
                               @JsonSerialize(using = ToStringSerializer.class) Instant submittedAt,
                               Map<String, Double> metrics, double[] curve, double[] curveAdap) {

    /** Points on a success-rate curve: thresholds 0.05·i for i = 0..20. */
    public static final int CURVE_POINTS = 21;

    public LeaderboardEntry {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(submittedAt, "submittedAt");
        description = description == null ? "" : description;
        metrics = finiteOnly(metrics);
        curve = checkedCurve(curve, "curve");
        curveAdap = checkedCurve(curveAdap, "curveAdap");
    }

    /** The metric under {@code key}, empty when absent or not finite. */
    public OptionalDouble metric(String key) {
        Double v = metrics.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The value of {@code column}, empty when the entry has none. */
    public OptionalDouble value(Column column) {
        return metric(column.key());
    }

    @Override
    public double[] curve() {
        return curve == null ? null : curve.clone();
    }

    @Override
    public double[] curveAdap() {
        return curveAdap == null ? null : curveAdap.clone();
    }

    /**
     * The numeric metrics of a stored result ({@code eval_result.metrics}: the score JSON plus
     * "curve"/"curve_adap"): numbers only, nulls and arrays left out.
     */
    public static Map<String, Double> metricsOf(Map<String, ?> json) {
        Map<String, Double> m = new LinkedHashMap<>();
        json.forEach((k, v) -> {
            if (v instanceof Number n) {
                m.put(k, n.doubleValue());
            }
        });
        return m;
    }

    /** The curve stored under {@code key} ("curve" or "curve_adap") of a stored result, or null. */
    public static double[] curveOf(Map<String, ?> json, String key) {
        Object v = json.get(key);
        if (!(v instanceof List<?> list)) {
            return null;
        }
        double[] c = new double[list.size()];
        for (int i = 0; i < c.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw new IllegalArgumentException(key + "[" + i + "] is " + list.get(i) + ", expected a number");
            }
            c[i] = n.doubleValue();
        }
        return c;
    }

    private static Map<String, Double> finiteOnly(Map<String, Double> metrics) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (metrics != null) {
            metrics.forEach((k, v) -> {
                if (v != null && Double.isFinite(v)) {
                    m.put(k, v);
                }
            });
        }
        return Collections.unmodifiableMap(m);
    }

    private static double[] checkedCurve(double[] curve, String name) {
        if (curve == null) {
            return null;
        }
        if (curve.length != CURVE_POINTS) {
            throw new IllegalArgumentException(name + " has " + curve.length + " points, expected " + CURVE_POINTS);
        }
        for (int i = 0; i < curve.length; i++) {
            if (!(curve[i] >= 0 && curve[i] <= 1)) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + curve[i] + ", expected a rate in [0, 1]");
            }
        }
        return curve.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeaderboardEntry e && submissionId == e.submissionId && team.equals(e.team)
                && method.equals(e.method) && description.equals(e.description)
                && Objects.equals(paperUrl, e.paperUrl) && Objects.equals(codeUrl, e.codeUrl)
                && pretrainedVision == e.pretrainedVision && usesOgl == e.usesOgl && baseline == e.baseline
                && Objects.equals(upsampledFrom, e.upsampledFrom) && submittedAt.equals(e.submittedAt)
                && metrics.equals(e.metrics) && Arrays.equals(curve, e.curve) && Arrays.equals(curveAdap, e.curveAdap);
    }

    @Override
    public int hashCode() {
        return Objects.hash(submissionId, team, method, submittedAt, metrics)
                + 31 * Arrays.hashCode(curve) + 17 * Arrays.hashCode(curveAdap);
    }

    @Override
    public String toString() {
        return "LeaderboardEntry[" + submissionId + " " + team + "/" + method + (baseline ? " baseline" : "")
                + " " + metrics + "]";
    }
}
