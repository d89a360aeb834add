package org.is3.core.metrics;

import java.util.Arrays;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;

/**
 * The per-sample cIoU and adaptive cIoU of {@link CIoU#score}, bit for bit, at a fraction of its
 * cost: one normalisation pass, one 16-bit radix histogram that yields both order statistics
 * (top-50 % and adaptive) at once, and pixel counting over the GT runs instead of float map
 * products (metrics.md §2, §3, §10).
 *
 * <p>Normalised values lie in [0, 1], so their IEEE bit patterns order like the values and the top
 * 16 bits make a monotone histogram. Maps the fast path cannot prove exact for (constant,
 * non-finite, or with an overflowing range) go to the reference-faithful {@link CIoU#score}.
 *
 * <p>Not thread-safe: it owns its scratch buffers; use one per thread.
 */
public final class CIoUKernel {
    private static final int N = Grid.PIXELS;
    private static final int BINS = (Float.floatToRawIntBits(1.0f) >>> 16) + 1;

    private final LocalizationProtocol protocol;
    private final float[] p = new float[N];
    private final int[] hist = new int[BINS];
    private int[] candidatesA = new int[1024];
    private int[] candidatesB = new int[1024];
    private boolean finite;

    public CIoUKernel(LocalizationProtocol protocol) {
        this.protocol = protocol;
    }

    /** cIoU and adaptive cIoU of one 224×224 row-major heatmap against its GT. */
    public SampleCIoU score(float[] heatmap, GtMap gt) {
        CIoU.requireGrid(heatmap, "heatmap");
        if (!normalise(heatmap)) {
            return CIoU.score(heatmap, gt, protocol);
        }
        histogram();
        Threshold t50 = new Threshold();
        Threshold tk = new Threshold();
        select(CIoU.MEDIAN_INDEX, N - CIoU.adaptiveK(gt), t50, tk);
        return new SampleCIoU(ciou(t50, gt), ciou(tk, gt));
    }

    /** Whether every value of the last scored map was finite (known for free from its min and max). */
    public boolean lastMapFinite() {
        return finite;
    }

    /** Fills {@link #p}; false when the map needs the reference path. */
    private boolean normalise(float[] h) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        boolean nan = false;
        for (float v : h) {
            min = v < min ? v : min; // plain comparisons: Math.min's NaN and ±0 rules cost a branch each
            max = v > max ? v : max;
            nan |= v != v;
        }
        finite = !nan && Float.isFinite(min) && Float.isFinite(max);
        if (nan) {
            return false;
        }
        float range = max - min;
        if (!(range > 0.0f) || Float.isInfinite(range)) {
            return false; // constant, NaN, ±Inf, or overflowing range
        }
        if (protocol.normalization() == Normalization.MINMAX) {
            for (int i = 0; i < N; i++) {
                p[i] = (h[i] - min) / range;
            }
        } else {
            for (int i = 0; i < N; i++) {
                p[i] = 1.0f - (max - h[i]) / range;
            }
        }
        return true;
    }

    private void histogram() {
        Arrays.fill(hist, 0);
        for (int i = 0; i < N; i++) {
            hist[Float.floatToRawIntBits(p[i]) >>> 16]++;
        }
    }

    /** Both order statistics with one more pass over the map: only their bins are gathered. */
    private void select(int rankA, int rankB, Threshold a, Threshold b) {
        locate(rankA, a);
        locate(rankB, b);
        candidatesA = ensure(candidatesA, hist[a.bin]);
        candidatesB = ensure(candidatesB, hist[b.bin]);
        int na = 0;
        int nb = 0;
        int binA = a.bin;
        int binB = b.bin;
        int[] ca = candidatesA;
        int[] cb = candidatesB;
        int lastA = ca.length - 1;
        int lastB = cb.length - 1;
        for (int i = 0; i < N; i++) {
            // branch-free gather: always store, advance only on a match (the slot past the end is a spare)
            int bits = Float.floatToRawIntBits(p[i]);
            int bin = bits >>> 16;
            ca[Math.min(na, lastA)] = bits;
            na += bin == binA ? 1 : 0;
            cb[Math.min(nb, lastB)] = bits;
            nb += bin == binB ? 1 : 0;
        }
        a.resolve(candidatesA, na, hist);
        if (b.bin == a.bin) {
            b.resolve(candidatesA, na, hist);
        } else {
            b.resolve(candidatesB, nb, hist);
        }
    }

    /** Finds the bin of an order statistic, walking down from the top where the mass of [0, 1] maps is. */
    private void locate(int rank, Threshold t) {
        int bin = BINS - 1;
        int before = N - hist[bin];
        while (before > rank) {
            bin--;
            before -= hist[bin];
        }
        t.bin = bin;
        t.rank = rank;
        t.before = before;
    }

    /** Room for {@code size} candidates plus the spare slot the branch-free gather writes into. */
    private static int[] ensure(int[] buf, int size) {
        return buf.length > size ? buf : new int[Math.max(size + 1, buf.length * 2)];
    }

    private double ciou(Threshold t, GtMap gt) {
        boolean inclusive = switch (protocol.binarization()) {
            case STRICT -> false;
            case INCLUSIVE -> true;
            case LVS -> t.value >= 1.0f; // p > t, plus p ≥ 1: only differs when t is the maximum 1
        };
        float tv = t.value;
        int maskCount = inclusive ? t.countAtLeast : t.countAbove;
        int[] inside = new int[2]; // [0]: Σ_A G in half-units, [1]: |A ∩ {G ≠ 0}|
        gt.forEachRun((start, end, halves) -> {
            int c = 0;
            if (inclusive) {
                for (int i = start; i < end; i++) {
                    c += p[i] >= tv ? 1 : 0;
                }
            } else {
                for (int i = start; i < end; i++) {
                    c += p[i] > tv ? 1 : 0;
                }
            }
            inside[0] += c * halves;
            inside[1] += c;
        });
        double intersection = inside[0] * 0.5;
        double union = gt.sumHalves() * 0.5 + (maskCount - inside[1]);
        return intersection / union;
    }

    /** An order statistic of the normalised map and the mask sizes it implies. */
    private static final class Threshold {
        int bin;
        int rank;
        int before;
        float value;
        int countAbove;
        int countAtLeast;

        void resolve(int[] candidates, int n, int[] hist) {
            // candidates hold exactly the values of this bin: n == hist[bin]
            Arrays.sort(candidates, 0, n);
            int bits = candidates[rank - before];
            value = Float.intBitsToFloat(bits);
            int above = N - before - hist[bin];
            int firstAbove = n;
            int firstAtLeast = rank - before;
            while (firstAtLeast > 0 && candidates[firstAtLeast - 1] == bits) {
                firstAtLeast--;
            }
            for (int j = rank - before; j < n; j++) {
                if (candidates[j] != bits) {
                    firstAbove = j;
                    break;
                }
            }
            countAbove = above + (n - firstAbove);
            countAtLeast = above + (n - firstAtLeast);
        }
    }
}
