package org.is3.core.rle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.BiPredicate;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;

class CocoRleTest {
    /** The masks below as functions of (y, x); the same expressions made the pycocotools goldens. */
    private static boolean[] mask(int h, int w, BiPredicate<Integer, Integer> on) {
        boolean[] m = new boolean[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = on.test(y, x);
            }
        }
        return m;
    }

    private static boolean pattern(int y, int x) {
        return (y * 131 + x * 71 + (y * x * 17) % 23) % 7 < 3;
    }

    private static boolean shapes(int y, int x) {
        boolean ellipse = (y - 100) * (y - 100) / (40.0 * 40.0) + (x - 70) * (x - 70) / (25.0 * 25.0) <= 1;
        return ellipse || (y >= 150 && y < 190 && x >= 120 && x < 200);
    }

    private static boolean sparse(int y, int x) {
        return (y == 999 && x == 0) || (y == 500 && x == 700) || (y == 0 && x == 999);
    }


    /** pycocotools 2.0.11: mask.encode(np.asfortranarray(m)) counts, area and toBbox of each mask. */
    private record Golden(String name, int h, int w, boolean[] mask, String counts, long area, double[] bbox) {
    }

    private static Golden[] goldens() {
        boolean[] hand = {false, true, true, false, false, true, false, false, true, true, false, true};
        boolean[] cross = {false, true, false, false, false, false, false, false, false, true, false, false};
        return new Golden[] {
            new Golden("hand", 3, 4, hand, "254L", 6, new double[] {0, 0, 4, 3}),
            new Golden("empty", 5, 7, new boolean[35], "S1", 0, new double[] {0, 0, 0, 0}),
            new Golden("full", 4, 4, mask(4, 4, (y, x) -> true), "0`0", 16, new double[] {0, 0, 4, 4}),
            new Golden("cross", 4, 3, cross, "327", 2, new double[] {0, 0, 2, 4}),
            new Golden("pattern", 40, 30, mask(40, 30, CocoRleTest::pattern), PATTERN, 514, new double[] {0, 0, 30, 40}),
            new Golden("shapes", 224, 224, mask(224, 224, CocoRleTest::shapes), SHAPES, 6331,
                new double[] {45, 60, 155, 130}),
            new Golden("sparse", 1000, 1000, mask(1000, 1000, CocoRleTest::sparse), "Wo01\\S[e00g\\hC0T_mF", 3,
                new double[] {0, 0, 1000, 1000}),
            new Golden("zero width", 5, 0, new boolean[0], "0", 0, new double[] {0, 0, 0, 0}),
        };
    }

    private static final String PATTERN = "0120010O010O010O010O010OO57OIL74IL30O1120N010O01NNO10O010O10000000O010O0100020M00"
            + "010O00010O0001000O00010O00041N1OO11OO110N01N=0B000000?1BO110OO20N110OO20NO000000010O000000010O000000010O0000002"
            + "1N00000000000001O000000031120M13OLN230KN340LM25NL0000001OO110OO11OO11O0010N00021NO00000021NO00000030M1110N11O01"
            + "OO11OO20N0;e0J[OM0000001O001O11LO0010O0300000M0010O010O11OO1021MO010O1000O10O013OO21000OO1100N1760JJMO1000O00010"
            + "00O01000O01OO000000000000000000000000000000000000011O010O010O010O010O010O10N470IL74IL11220N010O02NMO010000000O01"
            + "0O10O100000O10O1000O00010O00010O0010O10O00010O0012O020N020N020N02NN0000g00YO00001";
    private static final String SHAPES = "Tn91d6f0A8I6J6J6L2M4L4M2M4M2N2N2O0O2N2O0O2O0O2O0000000O20N100000001N101N101N2N101N2"
            + "N2N3L3N3L4L3N4J6J6J7H?ZOmY5W1WeJ" + "0".repeat(157) + "ZS5";

    @Test
    void encodesExactlyAsPycocotools() {
        for (Golden g : goldens()) {
            CocoRle rle = CocoRle.encode(g.mask(), g.h(), g.w());
            assertEquals(g.counts(), rle.counts(), g.name());
            assertEquals(g.area(), rle.area(), g.name());
            assertArrayEquals(g.bbox(), rle.bbox(), g.name());
            assertArrayEquals(g.mask(), CocoRle.parse(g.h(), g.w(), g.counts()).decode(), g.name());
        }
    }

    @Test
    void handExampleRunsAndDeltaSign() {
        // Column-major 0,0,1 | 1,1,1 | 1,0,0 | 0,0,1 → runs 2,5,4,1; the 4th is written as 1 − 5 = −4 → 'L'.
        CocoRle rle = CocoRle.parse(3, 4, "254L");
        assertArrayEquals(new int[] {2, 5, 4, 1}, rle.runLengths());
        assertEquals(rle, CocoRle.fromRunLengths(3, 4, new int[] {2, 5, 4, 1}));
    }

    @Test
    void bboxOfRunsWithEmptyForegroundRunsMatchesPycocotools() {
        // pycocotools 2.0.11: frPyObjects({'size': [4, 3], 'counts': [0, 0, 5, 7]}) → '0057', bbox [1, 0, 2, 4]
        CocoRle a = CocoRle.fromRunLengths(4, 3, new int[] {0, 0, 5, 7});
        assertEquals("0057", a.counts());
        assertArrayEquals(new double[] {1, 0, 2, 4}, a.bbox());
        CocoRle b = CocoRle.fromRunLengths(3, 3, new int[] {1, 2, 0, 0, 6});
        assertEquals("120N6", b.counts());
        assertEquals(2, b.area());
        assertArrayEquals(new double[] {0, 1, 1, 2}, b.bbox());
        CocoRle c = CocoRle.fromRunLengths(1000, 1000, new int[] {999000, 1000});
        assertEquals("hb_n0Xo0", c.counts());
        assertArrayEquals(new double[] {999, 0, 1, 1000}, c.bbox());
    }

    @Test
    void randomMasksRoundTrip() {
        Random r = new Random(42);
        int[][] sizes = {{1, 1}, {1, 17}, {17, 1}, {2, 2}, {7, 5}, {33, 64}, {224, 224}, {0, 3}};
        for (int[] s : sizes) {
            for (double density : new double[] {0, 0.02, 0.5, 0.97, 1}) {
                boolean[] m = new boolean[s[0] * s[1]];
                long ones = 0;
                int minX = Integer.MAX_VALUE;
                int minY = Integer.MAX_VALUE;
                int maxX = -1;
                int maxY = -1;
                for (int i = 0; i < m.length; i++) {
                    m[i] = r.nextDouble() < density;
                    if (m[i]) {
                        ones++;
                        int y = i / s[1];
                        int x = i % s[1];
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
                String what = s[0] + "x" + s[1] + " @" + density;
                CocoRle rle = CocoRle.encode(m, s[0], s[1]);
                CocoRle parsed = CocoRle.parse(s[0], s[1], rle.counts());
                assertArrayEquals(m, parsed.decode(), what);
                assertEquals(ones, parsed.area(), what);
                assertEquals(rle, CocoRle.fromRunLengths(s[0], s[1], parsed.runLengths()), what);
                double[] box = ones == 0 ? new double[4] : new double[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
                assertArrayEquals(box, rle.bbox(), what);
            }
        }
    }

    @Test
    void refusesInvalidCounts() {
        String[][] cases = {
            {"p1", "character 'p' at 0 is outside '0'..'o'"},
            {"/", "character '/' at 0"},
            {"2 2", "character ' ' at 1"},
            {"P", "the run starting at character 0 is cut off (truncated counts)"},
            {"0o", "the run starting at character 1 is cut off"},
            {"O1", "run 1 is negative (-1)"},
            {"", "the runs cover 0 of the 12 pixels"},
            {"21", "the runs cover 3 of the 12 pixels"},
            {"=", "the runs cover more than the 12 pixels"},
            {"1111K", "run 5 is negative (-4)"},
            {"```````0", "longer than 7 characters"},
        };
        for (String[] c : cases) {
            InputException e = assertThrows(InputException.class, () -> CocoRle.parse(3, 4, c[0], "ann 17"), c[0]);
            assertTrue(e.getMessage().startsWith("ann 17: invalid COCO RLE counts ("), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), "expected '" + c[1] + "' in: " + e.getMessage());
        }
        assertThrows(InputException.class, () -> new CocoRle(3, 4, "21"));
        assertThrows(InputException.class, () -> CocoRle.fromRunLengths(3, 4, new int[] {13}));
        assertThrows(InputException.class, () -> CocoRle.fromRunLengths(3, 4, new int[] {13, -1}));
        InputException size = assertThrows(InputException.class, () -> CocoRle.parse(-1, 4, "0", "ann 3"));
        assertEquals("ann 3: invalid COCO RLE size [-1, 4] (expected non-negative dimensions with at most 2^31 pixels)",
                size.getMessage());
    }
}
