package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumpySumTest {
    /** {n, np.sum(float64) as hex, np.sum(float32) as hex}, computed with numpy 1.26 (the 1.x line the reference
     * code ran on; numpy 2.x no longer chunks contiguous reductions by 8192) on vec(n). */
    private static final String[][] GOLDEN = {
            {"0", "0x0.0p+0", "0x0.0p+0"},
            {"1", "0x1.ff06000000000p-1", "0x1.ff06000000000p-1"},
            {"7", "0x1.4e90be2be2be2p+1", "0x1.4e90c00000000p+1"},
            {"8", "0x1.56f0be2be2be2p+1", "0x1.56f0c00000000p+1"},
            {"9", "0x1.4ac9a1ba1ba1bp+1", "0x1.4ac9a40000000p+1"},
            {"15", "0x1.ecbd3748e8ebap+4", "0x1.ecbd380000000p+4"},
            {"16", "0x1.9dde9ba47475dp+5", "0x1.9dde9c0000000p+5"},
            {"17", "0x1.1d2b8a0e76772p+6", "0x1.1d2b8a0000000p+6"},
            {"127", "0x1.346b9df860de9p+26", "0x1.346b9e0000000p+26"},
            {"128", "0x1.346bab08e0de8p+26", "0x1.346ba80000000p+26"},
            {"129", "0x1.346bba095fe08p+26", "0x1.346bb80000000p+26"},
            {"255", "0x1.3443e4a89aea3p+27", "0x1.3443e40000000p+27"},
            {"1000", "-0x1.2f215966fff74p+25", "-0x1.2f21680000000p+25"},
            {"8191", "0x1.c7225870c9820p+22", "0x1.c721500000000p+22"},
            {"8192", "0x1.c72291f0e9740p+22", "0x1.c722000000000p+22"},
            {"8193", "0x1.c722d87109730p+22", "0x1.c722460000000p+22"},
            {"20000", "0x1.2a35e26784dbdp+28", "0x1.2a35e40000000p+28"},
            {"100000", "0x1.b6d1405120550p+26", "0x1.b6d1380000000p+26"},
    };

    /** The input: exactly representable arithmetic only, so numpy and Java build the same vector. */
    private static double[] vec(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = ((long) i * 7919 % 1001 - 500) * Math.scalb(1.0, i % 37 - 18) + 1.0 / (i + 1.0);
        }
        return a;
    }

    @Test
    void sumsInNumpysPairwiseOrderForFloat64AndFloat32() {
        for (String[] g : GOLDEN) {
            int n = Integer.parseInt(g[0]);
            double[] a = vec(n);
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) a[i];
            }
            assertEquals(Double.parseDouble(g[1]), NumpySum.sum(a), 0.0, "float64 n=" + n);
            assertEquals((float) Double.parseDouble(g[2]), NumpySum.sum(f), 0.0f, "float32 n=" + n);
        }
    }

    @Test
    void pairwiseOrderDiffersFromSequentialOnTheseInputs() {
        double[] a = vec(100000);
        double sequential = 0;
        for (double v : a) {
            sequential += v;
        }
        // guards the golden test against inputs too benign to tell the orders apart
        org.junit.jupiter.api.Assertions.assertNotEquals(sequential, NumpySum.sum(a));
    }
}
