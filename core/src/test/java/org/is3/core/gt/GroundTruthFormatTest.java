package org.is3.core.gt;

import static org.is3.core.gt.Is3BoxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.is3.core.InputException;
import org.junit.jupiter.api.Test;

class GroundTruthFormatTest {
    @Test
    void namesRoundTrip() {
        for (GroundTruthFormat f : GroundTruthFormat.values()) {
            assertEquals(f, GroundTruthFormat.fromName(f.cliName()));
        }
        assertEquals(GroundTruthFormat.IS3_SEG, GroundTruthFormat.fromName(" IS3-Seg "));
        assertEquals("extended", GroundTruthFormat.EXTENDED.cliName());
    }

    @Test
    void unknownNameListsTheValidOnes() {
        assertMessage(assertThrows(InputException.class, () -> GroundTruthFormat.fromName("vgg-ss")),
                "'vgg-ss'", "is3, is3-seg, vggss, flickr, extended");
        assertMessage(assertThrows(InputException.class, () -> GroundTruthFormat.fromName(null)), "'null'");
    }
}
