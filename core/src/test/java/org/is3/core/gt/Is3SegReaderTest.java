package org.is3.core.gt;

import static org.is3.core.gt.Is3BoxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Is3SegReaderTest {
    private static final List<String> SAMPLE_IDS = List.of("accordion_female_10438_accordion",
            "parrot_ukulele_1635_ukulele", "cat_alarmclock_1828_cat", "ocean_elephant_5138_elephant",
            "cheetah_helicopter_8294_helicopter");
    private static final List<String> FIXTURES = List.of("blob_1024_L.jpg", "noise_100x50_L.png",
            "soft_300x200_L.png", "blob_640x480_RGB.jpg", "pal_150x90_P.png");

    @TempDir
    Path tmp;

    /** The published seg sample (absolute paths of the authors' machine) with masks placed in {@code dir}. */
    private Path publishedSampleWithMasksIn(Path dir) throws IOException {
        Path json = Files.copy(SharedData.file("is3_synthetic3240_seg_sample.json"), tmp.resolve("seg.json"));
        Files.createDirectories(dir);
        for (int i = 0; i < SAMPLE_IDS.size(); i++) {
            Files.copy(Fixtures.resource("masks/" + FIXTURES.get(i)), dir.resolve(SAMPLE_IDS.get(i) + ".jpg"));
        }
        return json;
    }

    private void assertSampleMaps(GroundTruthSet set) {
        assertEquals(SAMPLE_IDS, set.ids());
        for (int i = 0; i < SAMPLE_IDS.size(); i++) {
            GroundTruth g = set.at(i);
            assertEquals(SegMask.read(Fixtures.resource("masks/" + FIXTURES.get(i))), g.map(), g.id());
            assertEquals(1, g.boxCount());
            assertEquals(SampleKind.POSITIVE, g.kind());
        }
    }

    @Test
    void absolutePathsFallBackToGtMasksNextToTheJson() throws IOException {
        Path json = publishedSampleWithMasksIn(tmp.resolve("gt_masks"));
        assertSampleMaps(Is3SegReader.read(json));
    }

    @Test
    void explicitMasksDirectoryOverrides() throws IOException {
        Path json = publishedSampleWithMasksIn(tmp.resolve("elsewhere"));
        assertSampleMaps(Is3SegReader.read(json, tmp.resolve("elsewhere")));
        Files.createDirectories(tmp.resolve("gt_masks"));
        assertMessage(assertThrows(InputException.class, () -> Is3SegReader.read(json, tmp.resolve("gt_masks"))),
                "entry 0 (accordion_female_10438_accordion)", "not found", "gt_masks");
    }

    @Test
    void relativePathsResolveAgainstTheJsonDirectoryThenTheFileName() throws IOException {
        Files.createDirectories(tmp.resolve("m"));
        Files.copy(Fixtures.resource("masks/noise_100x50_L.png"), tmp.resolve("m/one.png"));
        Files.copy(Fixtures.resource("masks/soft_300x200_L.png"), tmp.resolve("two.png"));
        Path json = Fixtures.write(tmp.resolve("seg.json"), "[{\"image\": \"i/one.jpg\", \"gt_box\": \"m/one.png\", "
                + "\"offset\": 1}, {\"image\": \"i/two.jpg\", \"gt_box\": \"/nowhere/masks/two.png\", \"offset\": 1}]");
        GroundTruthSet set = Is3SegReader.read(json);
        assertEquals(SegMask.read(tmp.resolve("m/one.png")), set.at(0).map());
        assertEquals(SegMask.read(tmp.resolve("two.png")), set.at(1).map());
    }

    @Test
    void missingMaskListsEveryPlaceLookedAt() {
        Path json = Fixtures.write(tmp.resolve("seg.json"), "[{\"image\": \"x/a.jpg\", \"gt_box\": \"/mnt/m/a.jpg\"}]");
        assertMessage(assertThrows(InputException.class, () -> Is3SegReader.read(json)), "entry 0 (a)",
                "'/mnt/m/a.jpg' not found", "/mnt/m/a.jpg", tmp.resolve("gt_masks").resolve("a.jpg").toString(),
                tmp.resolve("a.jpg").toString());
        Path number = Fixtures.write(tmp.resolve("n.json"), "[{\"image\": \"x/a.jpg\", \"gt_box\": [0, 0, 1, 1]}]");
        assertMessage(assertThrows(InputException.class, () -> Is3SegReader.read(number)), "field 'gt_box' is ARRAY");
        assertMessage(assertThrows(InputException.class, () -> Is3SegReader.read(json, tmp.resolve("no-dir"))),
                "masks directory not found");
    }
}
