package org.is3.core.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;

/**
 * Builds the golden tests' inputs from the compact recipes in the test resources. The Python
 * script that produced the goldens builds the same float32 heatmaps and GT maps from the same
 * recipes: only exactly representable arithmetic is used (splitmix64 integers, mantissas below
 * 2^24 scaled by powers of two), so both sides hold bit-identical inputs.
 *
 * <p>Heatmap recipes ({@code |}-separated ops after the base):
 * <ul>
 *   <li>{@code mix SEED w,lo,hi,e …}: pixel i picks a component with {@code draw(SEED, i) mod Σw},
 *       then {@code h = (lo + draw(SEED, N + i) mod (hi − lo))·2^e};</li>
 *   <li>{@code blob SEED r0 c0 a b noise e}: {@code h = (−(a(r−r0)² + b(c−c0)²) + draw(SEED, i) mod noise)·2^e};</li>
 *   <li>{@code const HEX}: every pixel the given float; {@code boxes VIN VOUT x0 y0 x1 y1 …}: VIN on the boxes;</li>
 *   <li>{@code nan K SEED}: pixels {@code draw(SEED, j) mod N}, j &lt; K, set to NaN; {@code inf S IDX}: pixel IDX set to ±∞.</li>
 * </ul>
 * GT recipes: {@code union x0 y0 x1 y1 …}, {@code consensus …} (Flickr halves), {@code mask SEED PERMILLE}.
 */
final class ReferenceInputs {
    private static final int N = Grid.PIXELS;

    private ReferenceInputs() {
    }

    /** splitmix64 of {@code seed + (i+1)·golden}; the Python side wraps to 64 bits the same way. */
    static long draw(long seed, long i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long mod(long value, long m) {
        return Long.remainderUnsigned(value, m);
    }

    static float[] heatmap(String recipe) {
        String[] ops = recipe.split("\\|");
        String[] t = ops[0].trim().split("\\s+");
        float[] h = switch (t[0]) {
            case "mix" -> mix(t);
            case "blob" -> blob(t);
            case "const" -> constant(Float.parseFloat(t[1]));
            case "boxes" -> boxes(t);
            default -> throw new IllegalArgumentException("unknown heatmap recipe " + t[0]);
        };
        for (int k = 1; k < ops.length; k++) {
            String[] op = ops[k].trim().split("\\s+");
            if (op[0].equals("nan")) {
                long seed = Long.parseLong(op[2]);
                for (int j = 0; j < Integer.parseInt(op[1]); j++) {
                    h[(int) mod(draw(seed, j), N)] = Float.NaN;
                }
            } else if (op[0].equals("inf")) {
                h[Integer.parseInt(op[2]) % N] = Integer.parseInt(op[1]) > 0
                        ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
            } else {
                throw new IllegalArgumentException("unknown heatmap op " + op[0]);
            }
        }
        return h;
    }

    private static float[] mix(String[] t) {
        long seed = Long.parseLong(t[1]);
        int k = t.length - 2;
        long[][] comps = new long[k][];
        long total = 0;
        for (int c = 0; c < k; c++) {
            String[] f = t[c + 2].split(",");
            comps[c] = new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])};
            total += comps[c][0];
        }
        float[] h = new float[N];
        for (int i = 0; i < N; i++) {
            long pick = mod(draw(seed, i), total);
            long value = draw(seed, N + i);
            long acc = 0;
            for (long[] c : comps) {
                if (pick < acc + c[0]) {
                    long m = c[1] + mod(value, c[2] - c[1]);
                    h[i] = scaled(m, (int) c[3]);
                    break;
                }
                acc += c[0];
            }
        }
        return h;
    }

    private static float[] blob(String[] t) {
        long seed = Long.parseLong(t[1]);
        long r0 = Long.parseLong(t[2]);
        long c0 = Long.parseLong(t[3]);
        long a = Long.parseLong(t[4]);
        long b = Long.parseLong(t[5]);
        long noise = Long.parseLong(t[6]);
        int e = Integer.parseInt(t[7]);
        float[] h = new float[N];
        for (int i = 0; i < N; i++) {
            long r = i / Grid.SIZE;
            long c = i % Grid.SIZE;
            long m = -(a * (r - r0) * (r - r0) + b * (c - c0) * (c - c0)) + mod(draw(seed, i), noise);
            h[i] = scaled(m, e);
        }
        return h;
    }

    private static float[] constant(float v) {
        float[] h = new float[N];
        java.util.Arrays.fill(h, v);
        return h;
    }

    private static float[] boxes(String[] t) {
        float[] h = constant(Float.parseFloat(t[2]));
        float in = Float.parseFloat(t[1]);
        for (PixelBox b : pixelBoxes(t, 3)) {
            for (int r = b.rowStart(); r < b.rowEnd(); r++) {
                for (int c = b.colStart(); c < b.colEnd(); c++) {
                    h[r * Grid.SIZE + c] = in;
                }
            }
        }
        return h;
    }

    private static float scaled(long m, int e) {
        double v = Math.scalb((double) m, e);
        float f = (float) v;
        if (f != v) {
            throw new IllegalStateException("recipe value not exact in float32: " + m + "*2^" + e);
        }
        return f;
    }

    static GtMap gtMap(String recipe) {
        String[] t = recipe.trim().split("\\s+");
        return switch (t[0]) {
            case "union" -> GtMap.union(pixelBoxes(t, 1));
            case "consensus" -> GtMap.consensus(pixelBoxes(t, 1));
            case "mask" -> {
                long seed = Long.parseLong(t[1]);
                int permille = Integer.parseInt(t[2]);
                boolean[] mask = new boolean[N];
                for (int i = 0; i < N; i++) {
                    mask[i] = mod(draw(seed, i), 1000) < permille;
                }
                yield GtMap.fromMask(mask);
            }
            default -> throw new IllegalArgumentException("unknown GT recipe " + t[0]);
        };
    }

    private static List<PixelBox> pixelBoxes(String[] t, int from) {
        List<PixelBox> boxes = new ArrayList<>();
        for (int j = from; j + 3 < t.length; j += 4) {
            boxes.add(new PixelBox(Integer.parseInt(t[j]), Integer.parseInt(t[j + 1]),
                    Integer.parseInt(t[j + 2]), Integer.parseInt(t[j + 3])));
        }
        return boxes;
    }

    /** Python's {@code float.hex()} output, including {@code nan}, {@code inf} and {@code -inf}. */
    static double parseHex(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /** The tab-separated, non-comment lines of a test resource next to this class. */
    static List<String[]> rows(String resource) {
        try (InputStream in = ReferenceInputs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read test resource " + resource, e);
        }
    }
}
