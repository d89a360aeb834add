package org.is3.eval.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The metrics of one split as stored in {@code eval_result.metrics}: the keys of
 * {@code is3 eval score --json} (fractions, null for NaN) plus {@code curve} and {@code curve_adap},
 * the 21 success rates at cIoU ≥ 0.05·i. Kept as an ordered map so new keys pass through untouched.
 */
public record Metrics(Map<String, Object> values) {

    /** The leaderboard's primary metric: cIoU at the top-50 % threshold (metrics.md §2). */
    public static final String PRIMARY = "ciou";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    public Metrics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Parses the stored JSON object. */
    public static Metrics fromJson(String json) {
        try {
            return new Metrics(JSON.readValue(json, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metrics are not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /** The metric as a number; empty when absent or null (NaN). */
    public OptionalDouble get(String key) {
        return values.get(key) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    /** The primary metric, or negative infinity when it is missing, so such entries rank last. */
    double primaryOrLowest() {
        return get(PRIMARY).orElse(Double.NEGATIVE_INFINITY);
    }
}
