package org.is3.annotator.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.is3.core.rle.CocoRle;
import org.junit.jupiter.api.Test;

class AgreementTest {

    private static StoredMask mask(long id, int... pixels) {
        boolean[] m = new boolean[10];
        for (int p : pixels) {
            m[p] = true;
        }
        return new StoredMask(id, id, "c", id, "u" + id, CocoRle.encode(m, 2, 5));
    }

    @Test
    void theSmallestPairwiseIoUDecidesAndTheMedoidIsAccepted() {
        StoredMask a = mask(1, 0, 1, 2, 3);     // IoU(a, b) = 3/4, IoU(a, c) = 2/5, IoU(b, c) = 2/4
        StoredMask b = mask(2, 1, 2, 3);
        StoredMask c = mask(3, 2, 3, 4);
        Agreement agreement = Agreement.of(List.of(a, b, c));
        assertEquals(0.4, agreement.minIou(), 1e-15);
        assertEquals(2, agreement.medoid().id(), "b has the largest summed IoU: 3/4 + 2/4");
        assertTrue(agreement.agrees(0.4));
        assertFalse(agreement.agrees(0.41));
    }

    @Test
    void oneMaskAgreesWithItself() {
        Agreement single = Agreement.of(List.of(mask(7, 1)));
        assertEquals(1.0, single.minIou());
        assertEquals(7, single.medoid().id());
    }
}
