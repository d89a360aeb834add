package org.is3.core.formats;

import java.nio.ByteOrder;
import org.is3.core.InputException;

/**
 * The element type of an NPY array that is3 accepts: an IEEE float of 2, 4 or 8 bytes in a given
 * byte order. Everything else (integers, bools, complex, strings, dates, structured records and
 * pickled Python objects) is refused at the edge: metrics.md §0 scores float32 heatmaps, and an
 * integer or object upload is almost always a mistake worth naming.
 */
public record NpyDtype(Precision precision, ByteOrder order) {
    /** The accepted IEEE binary formats, each with numpy's type-string code. */
    public enum Precision {
        FLOAT16(2, "f2"),
        FLOAT32(4, "f4"),
        FLOAT64(8, "f8");

        private final int itemSize;
        private final String code;

        Precision(int itemSize, String code) {
            this.itemSize = itemSize;
            this.code = code;
        }

        public int itemSize() {
            return itemSize;
        }
    }

    /** What a refusal tells the user they may send instead. */
    public static final String ACCEPTED =
            "accepted dtypes are float16, float32 and float64 in either byte order"
                    + " ('<f2', '>f2', '<f4', '>f4', '<f8', '>f8')";

    /** numpy's default for saving a float32 array on a little-endian machine. */
    public static final NpyDtype LITTLE_FLOAT32 = new NpyDtype(Precision.FLOAT32, ByteOrder.LITTLE_ENDIAN);

    public NpyDtype {
        if (precision == null || order == null) {
            throw new IllegalArgumentException("precision and order are required");
        }
    }

    public int itemSize() {
        return precision.itemSize;
    }

    /** numpy's type string for this dtype, e.g. {@code <f4}, as written in an NPY header. */
    public String descr() {
        return (order == ByteOrder.LITTLE_ENDIAN ? "<" : ">") + precision.code;
    }

    /**
     * Parses a numpy type string from an NPY header ({@code '<f4'}, {@code '>f2'}, …). As in numpy,
     * {@code '='}, {@code '|'} or no order character mean the reader's native order.
     */
    public static NpyDtype parse(String descr, String source) {
        String d = descr.strip();
        ByteOrder order = ByteOrder.nativeOrder();
        String body = d;
        if (!d.isEmpty() && "<>=|".indexOf(d.charAt(0)) >= 0) {
            char c = d.charAt(0);
            order = c == '<' ? ByteOrder.LITTLE_ENDIAN : c == '>' ? ByteOrder.BIG_ENDIAN : order;
            body = d.substring(1);
        }
        Precision p = switch (body) {
            case "f2", "e" -> Precision.FLOAT16;
            case "f4", "f" -> Precision.FLOAT32;
            case "f8", "d" -> Precision.FLOAT64;
            default -> throw refusal(d, body, source);
        };
        return new NpyDtype(p, order);
    }

    private static InputException refusal(String descr, String body, String source) {
        String what;
        char kind = body.isEmpty() ? '?' : body.charAt(0);
        if (kind == 'O') {
            what = "is a pickled object array; pickled/object arrays are not accepted"
                    + " (save a numeric array with np.save(..., allow_pickle=False))";
        } else if (kind == 'i' || kind == 'u' || kind == 'b' || kind == '?' || kind == 'h' || kind == 'l') {
            what = "has integer/bool dtype '" + descr + "', which is not accepted"
                    + " (convert with .astype(np.float32) before saving)";
        } else if (kind == 'c') {
            what = "has complex dtype '" + descr + "', which is not accepted";
        } else if (kind == 'f') {
            what = "has float dtype '" + descr + "' of an unsupported width";
        } else {
            what = "has unsupported dtype '" + descr + "'";
        }
        return new InputException(source + ": array " + what + "; " + ACCEPTED);
    }
}
