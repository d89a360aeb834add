package org.is3.core.gt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.is3.core.grid.Grid;
import org.junit.jupiter.api.Test;

class GtMapTest {

    @Test
    void boxCoversRowsAndColumnsEndExclusive() {
        GtMap m = GtMap.union(List.of(new PixelBox(10, 20, 13, 22)));
        assertEquals(6, m.nonZeroCount());
        assertEquals(6.0, m.sum());
        assertEquals(1.0, m.value(20 * 224 + 10));
        assertEquals(1.0, m.value(21 * 224 + 12));
        assertEquals(0.0, m.value(21 * 224 + 13));
        assertEquals(0.0, m.value(22 * 224 + 10));
    }

    @Test
    void boundsFollowPythonSlices() {
        assertEquals(0, new PixelBox(5, 5, 5, 9).area(), "empty");
        assertEquals(0, new PixelBox(9, 5, 5, 9).area(), "reversed");
        assertEquals(4 * 4, new PixelBox(220, 220, 300, 300).area(), "clipped at 224");
        // a negative start wraps once: -4 is column 220
        assertEquals(4 * 1, new PixelBox(-4, 0, 224, 1).area());
        assertEquals(0, new PixelBox(-4, 0, 10, 1).area(), "wrapped start after the end");
        assertEquals(10 * 1, new PixelBox(-300, 0, 10, 1).area(), "below -224 clips to 0");
    }

    @Test
    void consensusCountsBoxesHalvedAndCapped() {
        GtMap m = GtMap.consensus(List.of(new PixelBox(0, 0, 2, 1), new PixelBox(1, 0, 3, 1),
                new PixelBox(1, 0, 2, 1)));
        assertEquals(0.5, m.value(0));
        assertEquals(1.0, m.value(1), "three boxes cap at 1");
        assertEquals(0.5, m.value(2));
        assertEquals(2.0, m.sum());
        assertEquals(3, m.nonZeroCount());
    }

    @Test
    void runsRoundTripThroughDenseHalves() {
        Random rnd = new Random(1);
        byte[] dense = new byte[Grid.PIXELS];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = (byte) (rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(2) + 1);
        }
        GtMap m = GtMap.fromHalves(dense);
        assertArrayEquals(dense, m.toHalves());
        int sum = 0;
        for (int i = 0; i < dense.length; i++) {
            assertEquals(dense[i], m.halves(i));
            sum += dense[i];
        }
        assertEquals(sum, m.sumHalves());
        assertTrue(m.runCount() > 0);
    }

    @Test
    void unionFromRowIntervalsEqualsThePixelwiseUnion() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 300; trial++) {
            List<PixelBox> boxes = new java.util.ArrayList<>();
            int n = rnd.nextInt(5);
            byte[] expected = new byte[Grid.PIXELS];
            for (int b = 0; b < n; b++) {
                PixelBox box = new PixelBox(rnd.nextInt(300) - 40, rnd.nextInt(300) - 40,
                        rnd.nextInt(300) - 40, rnd.nextInt(300) - 40);
                boxes.add(box);
                for (int r = box.rowStart(); r < box.rowEnd(); r++) {
                    for (int c = box.colStart(); c < box.colEnd(); c++) {
                        expected[r * Grid.SIZE + c] = 2;
                    }
                }
            }
            GtMap m = GtMap.union(boxes);
            assertArrayEquals(expected, m.toHalves(), boxes.toString());
            assertEquals(GtMap.fromHalves(expected), m, "canonical runs for " + boxes);
        }
    }

    @Test
    void emptyAndFull() {
        assertTrue(GtMap.empty().isEmpty());
        GtMap full = GtMap.union(List.of(new PixelBox(0, 0, 224, 224)));
        assertEquals(Grid.PIXELS, full.nonZeroCount());
        assertEquals(1, full.runCount(), "a full map is one run");
    }
}
