package org.is3.core.gt;

import static org.is3.core.gt.Is3BoxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;

class GroundTruthSetTest {
    private static GroundTruth pos(String id) {
        return GroundTruth.positive(id, GtMap.empty(), 1);
    }

    private static GroundTruth neg(String id) {
        return new GroundTruth(id, GtMap.empty(), 0, SampleKind.NON_SOUNDING);
    }

    @Test
    void keepsOrderAndLooksUpById() {
        List<GroundTruth> in = new ArrayList<>(List.of(pos("b"), neg("a"), pos("c")));
        GroundTruthSet set = GroundTruthSet.of(in);
        in.clear();
        assertEquals(List.of("b", "a", "c"), set.ids());
        assertEquals(3, set.size());
        assertEquals(2, set.positives());
        assertEquals(1, set.negatives());
        assertEquals("a", set.at(1).id());
        assertEquals(SampleKind.NON_SOUNDING, set.get("a").orElseThrow().kind());
        assertTrue(set.get("z").isEmpty());
        assertFalse(set.contains("z"));
        List<String> iterated = new ArrayList<>();
        set.forEach(g -> iterated.add(g.id()));
        assertEquals(set.ids(), iterated);
        assertThrows(UnsupportedOperationException.class, () -> set.ids().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> set.samples().remove(0));
    }

    @Test
    void duplicateIdsAreNamed() {
        InputException e = assertThrows(InputException.class,
                () -> GroundTruthSet.of(List.of(pos("a"), pos("b"), neg("a"), pos("b"), pos("a")), "x.json"));
        assertMessage(e, "x.json", "2 duplicated sample id(s): a, b");
    }
}
