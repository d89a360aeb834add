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
    private static final int NONE = Character.MAX_VALUE;

    private final LocalizationProtocol protocol;
    private final float[] p = new float[N];
    private final int[] hist = new int[BINS];
    private final int[] head = new int[BINS];
    private final char[] next = new char[N]; // pixel indices < 2^16; NONE ends a chain
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
        for (float v : h) {
            min = Math.min(min, v); // vectorised by C2; NaN propagates
            max = Math.max(max, v);
        }
        finite = Float.isFinite(min) && Float.isFinite(max); // min and max carry any NaN or ±Inf
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

    /**
     * Counts the values per bin and threads each pixel onto its bin's chain, so the few hundred
     * values of a selected bin are found without another pass over the map.
     */
    private void histogram() {
        Arrays.fill(hist, 0);
        Arrays.fill(head, NONE);
        for (int i = 0; i < N; i++) {
            int bin = Float.floatToRawIntBits(p[i]) >>> 16;
            hist[bin]++;
            next[i] = (char) head[bin];
            head[bin] = i;
        }
    }

    /** Both order statistics: only the values of their bins are gathered and sorted. */
    private void select(int rankA, int rankB, Threshold a, Threshold b) {
        locate(rankA, a);
        locate(rankB, b);
        candidatesA = gather(a.bin, candidatesA);
        a.resolve(candidatesA, hist[a.bin]);
        if (b.bin == a.bin) {
            b.resolve(candidatesA, hist[a.bin]);
        } else {
            candidatesB = gather(b.bin, candidatesB);
            b.resolve(candidatesB, hist[b.bin]);
        }
    }

    /** The bit patterns of one bin's values, from its chain. */
    private int[] gather(int bin, int[] buf) {
        int[] out = buf.length >= hist[bin] ? buf : new int[Math.max(hist[bin], buf.length * 2)];
        int n = 0;
        for (int i = head[bin]; i != NONE; i = next[i]) {
            out[n++] = Float.floatToRawIntBits(p[i]);
        }
        return out;
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

        void resolve(int[] candidates, int n) {
            // candidates hold exactly the n values of this bin
            Arrays.sort(candidates, 0, n);
            int bits = candidates[rank - before];
            value = Float.intBitsToFloat(bits);
            int above = N - before - n;
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
