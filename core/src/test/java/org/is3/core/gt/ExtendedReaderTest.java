package org.is3.core.gt;

import static org.is3.core.gt.Is3BoxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtendedReaderTest {
    @TempDir
    Path tmp;

    @Test
    void extendedVggssIsThePositivesThenEveryNonSoundingPair() {
        GroundTruthSet positives = VggssReader.read(SharedData.file("vggss.json"));
        GroundTruthSet set = ExtendedReader.read(positives, SharedData.file("vggss_test_plus_silent.csv"));
        assertEquals(5158 + 5158, set.size());
        assertEquals(5158, set.positives());
        assertEquals(5158, set.negatives());
        assertEquals(positives.ids(), set.ids().subList(0, 5158), "positives first, in their order");
        GroundTruth first = set.at(5158);
        // first data row: 9PmzQI8ZYpg_000147,9PmzQI8ZYpg_000147,non-sounding
        assertEquals("9PmzQI8ZYpg_000147__9PmzQI8ZYpg_000147", first.id());
        assertEquals(SampleKind.NON_SOUNDING, first.kind());
        assertEquals(0, first.boxCount());
        assertTrue(first.map().isEmpty());
        assertEquals("t-yy7v7P0IE_000100__gTUu9V5zAME_000078", set.at(set.size() - 1).id(), "CSV order");
    }

    @Test
    void extendedFlickrTakesAll250NegativeRows() {
        GroundTruthSet positives = FlickrReader.read(Fixtures.resource("flickr"));
        GroundTruthSet set = ExtendedReader.read(positives, SharedData.file("flickr_test_plus_silent.csv"));
        assertEquals(250, set.negatives());
        assertEquals(positives.size(), set.positives());
        assertEquals("10000130166__10437048305", set.at(positives.size()).id());
    }

    @Test
    void onlyRowsLabelledNonSoundingAreNegatives() {
        GroundTruthSet none = GroundTruthSet.of(List.of());
        Path csv = Fixtures.write(tmp.resolve("n.csv"), "video,audio,label\r\nv1,a1,non-sounding\r\n\r\n"
                + "v2,a2,sounding\r\n\"v,3\",a3,non-sounding\r\n");
        assertEquals(List.of("v1__a1", "v,3__a3"), ExtendedReader.read(none, csv).ids());
        assertMessage(assertThrows(InputException.class, () -> ExtendedReader.read(none,
                Fixtures.write(tmp.resolve("short.csv"), "video,audio,label\nv1,a1\n"))), "short.csv", "line 2",
                "2 field(s)");
        assertMessage(assertThrows(InputException.class, () -> ExtendedReader.read(none,
                Fixtures.write(tmp.resolve("empty.csv"), "video,audio,label\n"))), "no row labelled 'non-sounding'");
        assertMessage(assertThrows(InputException.class, () -> ExtendedReader.read(none,
                Fixtures.write(tmp.resolve("dup.csv"), "v,a,non-sounding\nv,a,non-sounding\n"))), "duplicated", "v__a");
    }
}
