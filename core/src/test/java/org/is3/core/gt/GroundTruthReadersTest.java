package org.is3.core.gt;

import static org.is3.core.gt.Is3BoxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.is3.core.InputException;
import org.is3.core.gt.GroundTruthReaders.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthReadersTest {
    @TempDir
    Path tmp;

    @Test
    void eachFormatReachesItsReader() throws IOException {
        Path is3 = SharedData.file("is3_synthetic3240_bbox_sample.json");
        assertEquals(Is3BoxReader.read(is3).ids(), GroundTruthReaders.read(GroundTruthFormat.IS3, is3, null).ids());

        Path flickr = Fixtures.resource("flickr");
        assertEquals(14, GroundTruthReaders.read(GroundTruthFormat.FLICKR, flickr, Options.defaults()).size());

        Path vggss = SharedData.file("vggss.json");
        Path subset = Fixtures.write(tmp.resolve("s.txt"), "zpWuikVorYg_32000_42000\n");
        assertEquals(List.of("zpWuikVorYg_000032"),
                GroundTruthReaders.read(GroundTruthFormat.VGGSS, vggss, Options.defaults().withIdsSubset(subset)).ids());

        Files.createDirectories(tmp.resolve("masks"));
        Files.copy(Fixtures.resource("masks/noise_100x50_L.png"), tmp.resolve("masks/a.png"));
        Path seg = Fixtures.write(tmp.resolve("seg.json"), "[{\"image\": \"/i/a.jpg\", \"gt_box\": \"/m/a.png\"}]");
        GroundTruthSet masks = GroundTruthReaders.read(GroundTruthFormat.IS3_SEG, seg,
                Options.defaults().withMasksDir(tmp.resolve("masks")));
        assertEquals(SegMask.read(tmp.resolve("masks/a.png")), masks.at(0).map());
    }

    @Test
    void extendedInfersThePositivesFromThePath() {
        Path flickrCsv = SharedData.file("flickr_test_plus_silent.csv");
        GroundTruthSet flickr = GroundTruthReaders.read(GroundTruthFormat.EXTENDED, Fixtures.resource("flickr"),
                Options.defaults().withNegativesCsv(flickrCsv));
        assertEquals(14, flickr.positives());
        assertEquals(250, flickr.negatives());

        Path subset = Fixtures.write(tmp.resolve("s.txt"), "zpWuikVorYg_000032\n");
        GroundTruthSet vggss = GroundTruthReaders.read(GroundTruthFormat.EXTENDED, SharedData.file("vggss.json"),
                Options.defaults().withNegativesCsv(SharedData.file("vggss_test_plus_silent.csv"))
                        .withIdsSubset(subset));
        assertEquals(1, vggss.positives(), "the subset restricts the positives");
        assertEquals(5158, vggss.negatives());

        Path named = Fixtures.write(tmp.resolve("boxes.data"), "[]");
        assertEquals(GroundTruthFormat.FLICKR, GroundTruthReaders.inferPositives(tmp));
        assertMessage(assertThrows(InputException.class, () -> GroundTruthReaders.read(GroundTruthFormat.EXTENDED,
                named, Options.defaults().withNegativesCsv(flickrCsv))), "boxes.data", "vggss or flickr");
    }

    @Test
    void extendedNeedsItsNegativesAndAPositiveFormat() {
        Path vggss = SharedData.file("vggss.json");
        assertMessage(assertThrows(InputException.class, () -> GroundTruthReaders.read(GroundTruthFormat.EXTENDED,
                vggss, Options.defaults())), "needs the negatives CSV", "vggss_test_plus_silent.csv");
        assertMessage(assertThrows(InputException.class, () -> GroundTruthReaders.read(GroundTruthFormat.EXTENDED,
                vggss, Options.defaults().withNegativesCsv(vggss).withPositivesFormat(GroundTruthFormat.IS3))),
                "from vggss or flickr, not is3");
    }

    @Test
    void is3SubsetKeepsTheFileOrder() {
        Path is3 = SharedData.file("is3_synthetic3240_bbox_sample.json");
        Path subset = Fixtures.write(tmp.resolve("s.txt"), "ocean_elephant_5138_elephant\naccordion_female_10438_accordion\n");
        assertEquals(List.of("accordion_female_10438_accordion", "ocean_elephant_5138_elephant"),
                GroundTruthReaders.read(GroundTruthFormat.IS3, is3, Options.defaults().withIdsSubset(subset)).ids());
        Path missing = Fixtures.write(tmp.resolve("m.txt"), "nope_1_x\n");
        assertMessage(assertThrows(InputException.class, () -> GroundTruthReaders.read(GroundTruthFormat.IS3, is3,
                Options.defaults().withIdsSubset(missing))), "1 id(s)", "m.txt", "nope_1_x");
        Path blank = Fixtures.write(tmp.resolve("blank.txt"), "\n\n");
        assertMessage(assertThrows(InputException.class, () -> GroundTruthReaders.read(GroundTruthFormat.IS3, is3,
                Options.defaults().withIdsSubset(blank))), "lists no ids");
    }
}
