package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.is3.core.InputException;
import org.junit.jupiter.api.Test;

/** metrics.md §11: the named conventions and their mask rules. */
class LocalizationProtocolTest {

    @Test
    void namesResolveToTheReferenceConventions() {
        assertEquals(new LocalizationProtocol("sslalign", Normalization.MINMAX, Binarization.STRICT),
                LocalizationProtocol.fromName("sslalign"));
        assertEquals(Binarization.INCLUSIVE, LocalizationProtocol.fromName("ezvsl").binarization());
        assertEquals(Normalization.LVS, LocalizationProtocol.fromName("lvs").normalization());
        assertEquals(Binarization.STRICT, LocalizationProtocol.fromName("lvs").binarization());
        assertEquals(Binarization.LVS, LocalizationProtocol.fromName("lvs-original").binarization());
    }

    @Test
    void unknownNameIsAnInputErrorListingTheChoices() {
        InputException e = assertThrows(InputException.class, () -> LocalizationProtocol.fromName("SSLALIGN"));
        assertTrue(e.getMessage().contains("'SSLALIGN'"), e.getMessage());
        assertTrue(e.getMessage().contains("sslalign, ezvsl, lvs, lvs-original"), e.getMessage());
    }

    @Test
    void binarizationsDifferOnlyAtTiesAndAtOne() {
        assertFalse(Binarization.STRICT.selects(0.5f, 0.5f));
        assertTrue(Binarization.INCLUSIVE.selects(0.5f, 0.5f));
        assertTrue(Binarization.STRICT.selects(0.6f, 0.5f));
        assertTrue(Binarization.LVS.selects(1f, 1f));
        assertTrue(Binarization.LVS.selects(1.5f, 2f));
        assertFalse(Binarization.LVS.selects(0.9f, 0.9f));
        for (Binarization b : Binarization.values()) {
            assertFalse(b.selects(Float.NaN, 0f), b + " selects NaN");
        }
        assertFalse(Binarization.STRICT.selects(1f, Float.NaN));
        assertFalse(Binarization.INCLUSIVE.selects(1f, Float.NaN));
        // the original LVS script sets p > t to 1 and p < 1 to 0: a score already at 1 survives any t
        assertTrue(Binarization.LVS.selects(1f, Float.NaN));
    }
}
