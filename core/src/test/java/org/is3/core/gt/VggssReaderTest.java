package org.is3.core.gt;

import static org.is3.core.gt.Is3BoxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VggssReaderTest {
    private static GroundTruthSet shipped;

    @TempDir
    Path tmp;

    private static synchronized GroundTruthSet shipped() {
        if (shipped == null) {
            shipped = VggssReader.read(SharedData.file("vggss.json"));
        }
        return shipped;
    }

    /** {@code vggss_gt_golden.csv}: file, boxes, ΣG, CRC-32 of each reference map, in vggss.json order. */
    private static List<String[]> golden() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.resource("vggss_gt_golden.csv"))) {
            if (!line.startsWith("#")) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }

    @Test
    void everyShippedMapEqualsTheReferenceMap() throws IOException {
        GroundTruthSet set = shipped();
        List<String[]> golden = golden();
        assertEquals(5158, set.size());
        assertEquals(golden.size(), set.size());
        for (String[] g : golden) {
            GroundTruth s = set.get(g[0]).orElseThrow();
            assertEquals(Integer.parseInt(g[1]), s.boxCount(), g[0]);
            assertEquals(Double.parseDouble(g[2]), s.map().sum(), g[0]);
            assertEquals(g[3], Fixtures.crc(s.map()), g[0]);
        }
    }

    @Test
    void orderIsPythonSortedIds() {
        List<String> ids = shipped().ids();
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(IdSubset.PYTHON_ORDER);
        assertEquals(sorted, ids);
        assertEquals("-0BIyqJj9ZU_000030", ids.get(0));
    }

    @Test
    void corruptCoordinatesClipToEmptyBoxes() {
        GroundTruthSet set = shipped();
        // its only box is [0.396875, 0.6625, -2.88e16, 0.984375]: xmax clips to 0
        GroundTruth single = set.get("MKC9LvRivTM_000030").orElseThrow();
        assertTrue(single.map().isEmpty());
        assertEquals(1, single.boxCount());
        // [[0.384375, 0.859375, 0.696875, -2.88e16], [0.05, 0.35625, 0.753125, 0.98125]]: only the second box
        // counts, x 11..168, y 79..219 → 157 × 140 pixels
        GroundTruth pair = set.get("Db6Hjt0x28k_000056").orElseThrow();
        assertEquals(157 * 140, pair.map().nonZeroCount());
        assertEquals(2, pair.boxCount());
    }

    @Test
    void boxesAreClippedScaledTruncatedAndUnited() {
        Path json = Fixtures.write(tmp.resolve("v.json"), "[{\"file\": \"aaaaaaaaaaa_000001\", \"class\": \"c\", \"bbox\": "
                + "[[0.0, 0.0, 0.5, 0.5], [0.25, 0.25, 0.75, 0.75], [-1, 0.999, 2, 1]]},"
                + "{\"file\": \"bbbbbbbbbbb_000002\", \"bbox\": [[0.0044642857, 0, 0.0089285714, 0.0044642858]]},"
                + "{\"file\": \"ccccccccccc_000003\", \"bbox\": []}]");
        GroundTruthSet set = VggssReader.read(json);
        GtMap union = set.at(0).map();
        // [0,0,112,112] ∪ [56,56,168,168] ∪ [0,223,224,224] (0.999·224 = 223.776 → 223; −1 → 0; 2 → 224)
        assertEquals(112 * 112 * 2 - 56 * 56 + 224, union.nonZeroCount());
        assertEquals(1.0, union.value(Fixtures.at(60, 60)), "union is binary, not a count");
        // 0.0044642857·224 = 0.99999... → 0; 0.0089285714·224 = 1.99999... → 1; 0.0044642858·224 = 1.0000000192 → 1
        GtMap tiny = set.at(1).map();
        assertEquals(1, tiny.nonZeroCount());
        assertEquals(1.0, tiny.value(Fixtures.at(0, 0)));
        assertTrue(set.at(2).map().isEmpty());
        assertEquals(0, set.at(2).boxCount(), "an entry without boxes has bb = 0, as SLAVC counts it");
    }

    @Test
    void sslAlignNameIsTheReferenceVggFilename() {
        assertEquals(Optional.of("zpWuikVorYg_32000_42000"), VggssReader.sslAlignName("zpWuikVorYg_000032"));
        assertEquals(Optional.of("1F3_bvIT0ig_0_10000"), VggssReader.sslAlignName("1F3_bvIT0ig_000000"));
        assertEquals(Optional.empty(), VggssReader.sslAlignName("short_1"));
        assertEquals(Optional.empty(), VggssReader.sslAlignName("zpWuikVorYg_00003x"));
    }

    @Test
    void sslAlignEvaluationListMapsOntoVggssJson() {
        Path ids = SharedData.file("sslalign_vggss_eval_ids.txt");
        GroundTruthSet set = VggssReader.read(SharedData.file("vggss.json"), ids);
        assertEquals(4655, set.size(), "every id of ours_vggss.txt names a vggss.json entry");
        // SSLalignment keys by <ytid>_<ms>_<ms> and sorts those strings; ids stay vggss.json's 'file'
        List<String> aliases = set.ids().stream().map(f -> VggssReader.sslAlignName(f).orElseThrow()).toList();
        List<String> sorted = new ArrayList<>(aliases);
        sorted.sort(IdSubset.PYTHON_ORDER);
        assertEquals(sorted, aliases);
        // the list's first line, gklbB7TYoK4_30000_40000, is the clip gklbB7TYoK4_000030
        assertTrue(set.contains("gklbB7TYoK4_000030"));
        assertEquals(set.get("gklbB7TYoK4_000030"), shipped().get("gklbB7TYoK4_000030"));
    }

    @Test
    void subsetOrderIsTheSortedOrderOfTheSubsetsOwnStrings() {
        Path json = Fixtures.write(tmp.resolve("v.json"), "[{\"file\": \"abcdefghijk_000001\", \"bbox\": [[0,0,1,1]]},"
                + "{\"file\": \"abcdefghijk_000010\", \"bbox\": [[0,0,1,1]]},"
                + "{\"file\": \"zzzzzzzzzzz_000005\", \"bbox\": [[0,0,1,1]]}]");
        // "..._10000_20000" sorts before "..._1000_11000" ('0' < '_'), the reverse of the 06d names
        Path ms = Fixtures.write(tmp.resolve("ms.txt"), "abcdefghijk_1000_11000\nabcdefghijk_10000_20000\n");
        assertEquals(List.of("abcdefghijk_000010", "abcdefghijk_000001"), VggssReader.read(json, ms).ids());
        Path mixed = Fixtures.write(tmp.resolve("mixed.csv"), "zzzzzzzzzzz_000005,label\n\nabcdefghijk_1000_11000,x\n"
                + "zzzzzzzzzzz_000005,again\n");
        assertEquals(List.of("abcdefghijk_000001", "zzzzzzzzzzz_000005"), VggssReader.read(json, mixed).ids());
    }

    @Test
    void subsetIdsMissingFromVggssJsonAreListed() {
        StringBuilder ids = new StringBuilder("zpWuikVorYg_000032\n");
        for (int i = 0; i < 25; i++) {
            ids.append(String.format("missing%04d_000001%n", i));
        }
        Path subset = Fixtures.write(tmp.resolve("subset.txt"), ids.toString());
        Path vggss = SharedData.file("vggss.json");
        InputException e = assertThrows(InputException.class, () -> VggssReader.read(vggss, subset));
        assertMessage(e, "25 id(s)", "subset.txt", "missing0000_000001", "missing0019_000001", "(and 5 more)");
        assertTrue(!e.getMessage().contains("missing0020_000001"), "only the first 20 are named");
    }

    @Test
    void errorsNameEntryBoxAndCoordinate() {
        assertMessage(bad("[{\"file\": \"a\", \"bbox\": [[0, 0, 1]]}]"), "entry 0 (a): bbox[0]", "list of 3 values");
        assertMessage(bad("[{\"file\": \"a\", \"bbox\": [[0, 0, 1, 1], [0, \"x\", 1, 1]]}]"), "bbox[1][1]", "string");
        assertMessage(bad("[{\"file\": \"a\", \"bbox\": [[0, 0, NaN, 1]]}]"), "bbox[0][2]", "NaN");
        assertMessage(bad("[{\"file\": \"a\", \"bbox\": [0, 0, 1, 1]}]"), "bbox[0]", "expected [x1, y1, x2, y2]");
        assertMessage(bad("[{\"file\": \"a\"}]"), "no field 'bbox'");
        assertMessage(bad("[{\"bbox\": []}]"), "no field 'file'");
        assertMessage(bad("[{\"file\": \"a\", \"bbox\": []}, {\"file\": \"a\", \"bbox\": []}]"), "duplicated 'file'", "a");
    }

    private InputException bad(String json) {
        Path p = Fixtures.write(tmp.resolve("bad.json"), json);
        return assertThrows(InputException.class, () -> VggssReader.read(p));
    }
}
