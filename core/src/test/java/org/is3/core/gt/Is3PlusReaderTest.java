package org.is3.core.gt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Is3PlusReaderTest {
    @TempDir
    Path tmp;

    static String positive(String instance, String box) {
        return "{\"image\": \"images224/" + instance + ".jpg\", \"audio\": \"audio/" + instance
                + ".wav\", \"gt_box\": " + box + "}";
    }

    static String negative(String instance, String type) {
        return negative(instance, type, instance, instance + "_" + type);
    }

    static String negative(String instance, String type, String imageOf, String audioStem) {
        return "{\"image\": \"images224/" + imageOf + ".jpg\", \"audio\": \"audio/" + audioStem
                + ".wav\", \"gt_box\": [0, 0, 0, 0], \"negative\": \"" + type + "\", \"instance\": \"" + instance + "\"}";
    }

    /** A release with each instance followed by its three negatives. */
    static List<String> entries(String... instancesAndBoxes) {
        List<String> e = new ArrayList<>();
        for (int i = 0; i < instancesAndBoxes.length; i += 2) {
            String instance = instancesAndBoxes[i];
            e.add(positive(instance, instancesAndBoxes[i + 1]));
            e.add(negative(instance, "silence"));
            e.add(negative(instance, "noise"));
            e.add(negative(instance, "offscreen"));
        }
        return e;
    }

    private Path release(List<String> entries) {
        Fixtures.write(tmp.resolve("rel").resolve(Is3PlusReader.BOX_FILE), "[" + String.join(",\n", entries) + "]");
        return tmp.resolve("rel");
    }

    private void assertFails(List<String> entries, String... expectedParts) {
        Path dir = release(entries);
        InputException e = assertThrows(InputException.class, () -> Is3PlusReader.read(dir));
        for (String part : expectedParts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + part + "' not in: " + e.getMessage());
        }
    }

    @Test
    void positivesKeepTheirBoxAndNegativesAreEmptyInFileOrder() {
        Path dir = release(entries("cat_dog_1_cat", "[10, 20, 30.0, 60]", "ocean_horse_2_horse", "[0, 0, 224, 224]"));
        GroundTruthSet set = GroundTruthReaders.read(GroundTruthFormat.fromName("is3plus"), dir, null);
        assertEquals(List.of("cat_dog_1_cat", "cat_dog_1_cat_silence", "cat_dog_1_cat_noise", "cat_dog_1_cat_offscreen",
                "ocean_horse_2_horse", "ocean_horse_2_horse_silence", "ocean_horse_2_horse_noise",
                "ocean_horse_2_horse_offscreen"), set.ids());
        assertEquals(2, set.positives());
        assertEquals(6, set.negatives());
        GroundTruth cat = set.at(0);
        assertEquals(SampleKind.POSITIVE, cat.kind());
        assertEquals(1, cat.boxCount());
        assertEquals(20 * 40, cat.map().nonZeroCount()); // columns 10..29, rows 20..59
        assertEquals(224 * 224, set.at(4).map().nonZeroCount());
        List<SampleKind> kinds = List.of(SampleKind.SILENCE, SampleKind.NOISE, SampleKind.OFFSCREEN);
        for (int i = 0; i < 3; i++) {
            GroundTruth n = set.at(5 + i);
            assertEquals(kinds.get(i), n.kind());
            assertEquals(0, n.boxCount());
            assertEquals(0, n.map().nonZeroCount());
            assertEquals(Optional.of("ocean_horse_2_horse"), NegativeAudio.instanceOf(n));
        }
        assertEquals(Optional.empty(), NegativeAudio.instanceOf(cat));
    }

    @Test
    void aNegativeMayPrecedeItsPositive() {
        List<String> e = entries("a_b_1_a", "[1, 1, 5, 5]");
        e.add(e.remove(0));
        GroundTruthSet set = Is3PlusReader.read(release(e));
        assertEquals(List.of("a_b_1_a_silence", "a_b_1_a_noise", "a_b_1_a_offscreen", "a_b_1_a"), set.ids());
    }

    @Test
    void unknownNegativeTypeIsNamed() {
        List<String> e = entries("a_b_1_a", "[1, 1, 5, 5]");
        e.add(negative("a_b_1_a", "mute"));
        assertFails(e, "a_b_1_a_mute", "'mute'", "\"silence\", \"noise\", \"offscreen\"");
    }

    @Test
    void negativeWithoutItsPositiveIsAnError() {
        List<String> e = entries("a_b_1_a", "[1, 1, 5, 5]");
        e.add(negative("c_d_2_c", "noise"));
        assertFails(e, "c_d_2_c_noise", "instance 'c_d_2_c'", "needs its positive");
    }

    @Test
    void negativeWithoutInstanceFieldIsAnError() {
        List<String> e = entries("a_b_1_a", "[1, 1, 5, 5]");
        e.add("{\"image\": \"images224/a_b_1_a.jpg\", \"audio\": \"audio/a_b_1_a_noise.wav\", \"gt_box\": [0,0,0,0],"
                + " \"negative\": \"noise\"}");
        assertFails(e, "entry 4", "'instance'");
    }

    @Test
    void negativeAudioMustBeNamedAfterItsInstanceAndType() {
        List<String> e = entries("a_b_1_a", "[1, 1, 5, 5]");
        e.set(2, negative("a_b_1_a", "noise", "a_b_1_a", "a_b_1_a_hiss"));
        assertFails(e, "a_b_1_a_noise.wav", "'a_b_1_a_hiss'");
    }

    @Test
    void negativeMustShowItsPositivesImage() {
        List<String> e = entries("a_b_1_a", "[1, 1, 5, 5]", "c_d_2_c", "[1, 1, 5, 5]");
        e.set(1, negative("a_b_1_a", "silence", "c_d_2_c", "a_b_1_a_silence"));
        assertFails(e, "a_b_1_a_silence", "images224/c_d_2_c.jpg", "images224/a_b_1_a.jpg");
    }

    @Test
    void duplicateIdsAreNamed() {
        List<String> e = entries("a_b_1_a", "[1, 1, 5, 5]");
        e.add(negative("a_b_1_a", "offscreen"));
        e.add(positive("a_b_1_a", "[2, 2, 6, 6]"));
        assertFails(e, "2 duplicated sample id(s)", "a_b_1_a_offscreen", "a_b_1_a");
    }

    @Test
    void notADirectoryOrNoBoxFile() {
        Path file = Fixtures.write(tmp.resolve("x.json"), "[]");
        InputException notDir = assertThrows(InputException.class, () -> Is3PlusReader.read(file));
        assertTrue(notDir.getMessage().contains("not a directory"), notDir.getMessage());
        InputException noFile = assertThrows(InputException.class, () -> Is3PlusReader.read(tmp));
        assertTrue(noFile.getMessage().contains("has no synthetic_bbox.json"), noFile.getMessage());
    }
}
