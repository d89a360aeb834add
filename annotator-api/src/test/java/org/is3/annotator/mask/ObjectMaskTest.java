package org.is3.annotator.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.is3.core.InputException;
import org.is3.core.rle.CocoRle;
import org.junit.jupiter.api.Test;

class ObjectMaskTest {

    @Test
    void theServerDerivesTheTightBoxAndAreaFromTheMask() {
        // 4 rows × 5 columns; pixels (x=1..3, y=2) and (x=2, y=1): box [1, 1, 3, 2], area 4
        boolean[] m = new boolean[20];
        m[2 * 5 + 1] = true;
        m[2 * 5 + 2] = true;
        m[2 * 5 + 3] = true;
        m[5 + 2] = true;
        String counts = CocoRle.encode(m, 4, 5).counts();
        ObjectMask o = ObjectMask.parse(4, 5, new int[] {4, 5}, counts, "mask", ObjectMask.maxCountsChars(4, 5));
        assertEquals(1, o.boxX());
        assertEquals(1, o.boxY());
        assertEquals(3, o.boxW());
        assertEquals(2, o.boxH());
        assertEquals(4, o.area());
    }

    @Test
    void invalidMasksAreRefusedNamingTheField() {
        String empty = CocoRle.encode(new boolean[20], 4, 5).counts();
        assertTrue(assertThrows(InputException.class, () -> ObjectMask.parse(4, 5, new int[] {4, 5}, empty, "objects[0].mask",
                100)).getMessage().contains("objects[0].mask: the mask is empty"));
        assertThrows(InputException.class, () -> ObjectMask.parse(4, 5, new int[] {5, 4}, empty, "m", 100));
        assertThrows(InputException.class, () -> ObjectMask.parse(4, 5, new int[] {4, 5}, "0?", "m", 100));
        assertThrows(InputException.class, () -> ObjectMask.parse(4, 5, new int[] {4, 5}, "4", "m", 100));
        assertThrows(InputException.class, () -> ObjectMask.parse(4, 5, new int[] {4, 5}, "1".repeat(200), "m", 100));
    }

    @Test
    void iouCountsIntersectionOverUnion() {
        boolean[] a = {true, true, false, false};
        boolean[] b = {false, true, true, false};
        assertEquals(1.0 / 3, MaskIou.of(a, b), 1e-15);
        assertEquals(1.0, MaskIou.of(new boolean[4], new boolean[4]));
        assertThrows(IllegalArgumentException.class, () -> MaskIou.of(a, new boolean[3]));
    }
}
