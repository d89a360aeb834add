package org.is3.core.gt;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.is3.core.InputException;

/** Coordinates read from JSON, converted the way the reference's Python/numpy code converts them. */
final class JsonNumbers {
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);

    private JsonNumbers() {
    }

    /**
     * Python's {@code int(v)}: truncation toward zero. Values outside the int range saturate; that
     * changes nothing downstream because a slice bound past ±224 acts like ±224 (metrics.md §1).
     *
     * @param where names the value in errors, e.g. {@code "x.json: entry 3: gt_box[2]"}
     */
    static int pythonInt(JsonNode v, String where) {
        if (v.isIntegralNumber()) {
            BigInteger b = v.bigIntegerValue();
            return b.max(INT_MIN).min(INT_MAX).intValue();
        }
        return (int) finiteDouble(v, where);
    }

    /** A finite binary64 value; NaN, ±Infinity and non-numbers are errors naming {@code where}. */
    static double finiteDouble(JsonNode v, String where) {
        if (!v.isNumber()) {
            String shown = v.isTextual() ? "the string \"" + v.textValue() + "\"" : v.getNodeType().toString();
            throw new InputException(where + " is " + shown + ", expected a number");
        }
        double d = v.doubleValue();
        if (Double.isNaN(d)) {
            throw new InputException(where + " is NaN, expected a finite number");
        }
        if (Double.isInfinite(d)) {
            throw new InputException(where + " is " + (d > 0 ? "Infinity" : "-Infinity") + ", expected a finite number");
        }
        return d;
    }
}
