package org.is3.core.gt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Is3BoxReaderTest {
    @TempDir
    Path tmp;

    private GroundTruthSet readBoxes(String... boxes) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < boxes.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"image\": \"/x/visual_frames/s").append(i)
                    .append(".jpg\", \"audio\": \"/x/a.wav\", \"gt_box\": ").append(boxes[i]).append('}');
        }
        return Is3BoxReader.read(Fixtures.write(tmp.resolve("b.json"), json.append(']').toString()));
    }

    private InputException failure(String json) {
        Path p = Fixtures.write(tmp.resolve("bad.json"), json);
        return assertThrows(InputException.class, () -> Is3BoxReader.read(p));
    }

    @Test
    void publishedSampleMatchesTheReferenceMapsInFileOrder() {
        GroundTruthSet set = Is3BoxReader.read(SharedData.file("is3_synthetic3240_bbox_sample.json"));
        // ids, ΣG and CRC-32 of the half-unit maps from a re-creation of SSLalignment's load_all_bboxes('is3') +
        // bbox2gtmap run with numpy 1.26 on the same file
        String[][] golden = {
                {"accordion_female_10438_accordion", "9202", "510343a0"},
                {"parrot_ukulele_1635_ukulele", "25230", "b090515d"},
                {"cat_alarmclock_1828_cat", "14145", "f4ad3716"},
                {"ocean_elephant_5138_elephant", "8532", "bbabaef3"},
                {"cheetah_helicopter_8294_helicopter", "13860", "3c7da79f"}};
        assertEquals(5, set.size());
        for (int i = 0; i < golden.length; i++) {
            GroundTruth g = set.at(i);
            assertEquals(golden[i][0], g.id());
            assertEquals(Double.parseDouble(golden[i][1]), g.map().sum(), g.id());
            assertEquals(golden[i][2], Fixtures.crc(g.map()), g.id());
            assertEquals(1, g.boxCount());
            assertEquals(SampleKind.POSITIVE, g.kind());
        }
        // [47, 99, 154, 185]: 107 columns × 86 rows
        assertEquals(107 * 86, set.get("accordion_female_10438_accordion").orElseThrow().map().nonZeroCount());
    }

    @Test
    void allIs3BoxesFromTheInstanceTableMatchTheReference() throws IOException {
        List<String> rows = Files.readAllLines(SharedData.file("is3_instances.csv"));
        StringBuilder json = new StringBuilder("[");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            json.append(json.length() > 1 ? ",\n" : "").append(String.format(Locale.ROOT,
                    "{\"image\": \"/data/visual_frames/%s.jpg\", \"audio\": \"/data/audio_wav/%s.wav\", "
                            + "\"gt_box\": [%s.0, %s.0, %s.0, %s.0]}", f[0], f[0], f[3], f[4], f[5], f[6]));
        }
        GroundTruthSet set = Is3BoxReader.read(Fixtures.write(tmp.resolve("synthetic3240_bbox.json"), json + "]"));

        assertEquals(6480, set.size());
        assertEquals(6480, set.positives());
        MessageDigest sha = Fixtures.sha256();
        long sum = 0;
        for (GroundTruth g : set) {
            sha.update(g.map().toHalves());
            sum += g.map().sumHalves() / 2;
        }
        // the same JSON built in Python and read by the reference re-creation (numpy 1.26)
        assertEquals(106492589L, sum);
        assertEquals("1b7861c9222b3b8730542cc4b385c084b9c64a11220e11e599b74f8809dd7e1c", Fixtures.hex(sha.digest()));
        assertEquals("accordion_female_10438_accordion", set.at(0).id(), "file order is kept");
    }

    @Test
    void boxesFollowSliceSemantics() {
        GroundTruthSet set = readBoxes("[5.0, 7.0, 6.0, 8.0]", "[220, 0, 300, 2]", "[10, 10, 5, 20]",
                "[-4.0, 0.0, 224.0, 1.0]", "[0.0, 0.0, 0.0, 0.0]", "[47.9, -0.5, 49.99, 1.5]",
                "[1e300, 0, -1e300, 224]", "[0, 0, 224, 224]");
        GtMap onePixel = set.at(0).map();
        assertEquals(1, onePixel.nonZeroCount());
        assertEquals(1, onePixel.halves(Fixtures.at(7, 5)) / 2);
        assertEquals(4 * 2, set.at(1).map().nonZeroCount(), "end past 224 is clipped");
        assertTrue(set.at(2).map().isEmpty(), "reversed box covers nothing");
        assertEquals(4, set.at(3).map().nonZeroCount(), "start -4 wraps to column 220");
        assertEquals(2, set.at(5).map().nonZeroCount(), "int() truncates toward zero: [47, 0, 49, 1]");
        assertEquals(1, set.at(5).map().halves(Fixtures.at(0, 48)) / 2);
        assertTrue(set.at(6).map().isEmpty(), "xmin past 224 and xmax far below -224");
        assertEquals(224 * 224, set.at(7).map().nonZeroCount());
    }

    @Test
    void zeroBoxIsAnEmptyPositiveCountedAsOneBox() {
        GroundTruth g = readBoxes("[0.0, 0.0, 0.0, 0.0]").at(0);
        assertTrue(g.map().isEmpty());
        assertEquals(SampleKind.POSITIVE, g.kind());
        assertEquals(1, g.boxCount(), "SLAVC's bb keeps rows with xmin >= 0");
        assertEquals(0, readBoxes("[-3, 0, 10, 10]").at(0).boxCount(), "xmin < 0 is dropped by bb[bb[:, 0] >= 0]");
    }

    @Test
    void sampleIdIsTheImageStem() {
        Path p = Fixtures.write(tmp.resolve("ids.json"), "[{\"image\": \"a/b.c/x_y_1_z.v2.jpg\", \"gt_box\": [0,0,1,1]},"
                + "{\"image\": \"plain\", \"gt_box\": [0,0,1,1]}]");
        assertEquals(List.of("x_y_1_z", "plain"), Is3BoxReader.read(p).ids());
    }

    @Test
    void errorsNameTheEntryAndField() {
        assertMessage(failure("[{\"image\": \"a.jpg\", \"gt_box\": [0,0,1,1]}, {\"image\": \"b.jpg\"}]"),
                "entry 1 (b)", "no field 'gt_box'");
        assertMessage(failure("[{\"image\": \"a.jpg\", \"gt_box\": [0,0,1]}]"), "entry 0 (a)", "has 3 values");
        assertMessage(failure("[{\"image\": \"a.jpg\", \"gt_box\": [0,0,\"7\",1]}]"), "gt_box[2]", "the string \"7\"");
        assertMessage(failure("[{\"image\": \"a.jpg\", \"gt_box\": [0,NaN,1,1]}]"), "gt_box[1]", "NaN");
        assertMessage(failure("[{\"image\": \"a.jpg\", \"gt_box\": [0,0,Infinity,1]}]"), "gt_box[2]", "Infinity");
        assertMessage(failure("[{\"image\": \"a.jpg\", \"gt_box\": [0,0,null,1]}]"), "gt_box[2]", "NULL");
        assertMessage(failure("[{\"image\": \"a.jpg\", \"gt_box\": \"m.png\"}]"), "gt_box is STRING");
        assertMessage(failure("[{\"gt_box\": [0,0,1,1]}]"), "entry 0", "no field 'image'");
        assertMessage(failure("[{\"image\": 3, \"gt_box\": [0,0,1,1]}]"), "field 'image' is NUMBER");
        assertMessage(failure("{\"image\": \"a.jpg\"}"), "expected a JSON list");
        assertMessage(failure("[{\"image\": \"a.jpg\", \"gt_box\": [0,0,1,1]}, 5]"), "entry 1 is a number");
        assertMessage(failure("[{\"image\": \"a.jpg\", \"gt_box\": [0,0,1,1]"), "bad.json");
        assertMessage(failure("[{\"image\": \"a.jpg\" \"gt_box\": [0,0,1,1]}]"), "not valid JSON at line 1");
        assertMessage(failure("[{\"image\": \"x/a.jpg\", \"gt_box\": [0,0,1,1]}, {\"image\": \"y/a.png\", "
                + "\"gt_box\": [0,0,1,1]}]"), "duplicated sample id", "a");
        assertMessage(assertThrows(InputException.class, () -> Is3BoxReader.read(tmp.resolve("none.json"))),
                "not found", "none.json");
    }

    static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }
}
