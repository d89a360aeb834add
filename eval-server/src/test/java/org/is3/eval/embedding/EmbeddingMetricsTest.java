package org.is3.eval.embedding;

import static org.is3.core.gt.SampleKind.NOISE;
import static org.is3.core.gt.SampleKind.OFFSCREEN;
import static org.is3.core.gt.SampleKind.POSITIVE;
import static org.is3.core.gt.SampleKind.SILENCE;
import static org.is3.eval.embedding.EmbeddingFiles.truth;
import static org.is3.eval.embedding.EmbeddingFiles.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.core.InputException;
import org.is3.core.formats.NpyArray;
import org.is3.core.gt.SampleKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingMetricsTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;
    private EmbeddingFiles files;

    @BeforeEach
    void setUp() {
        files = new EmbeddingFiles(dir);
    }

    @AfterEach
    void tearDown() {
        files.close();
    }

    private static SampleKind[] positives(int n) {
        SampleKind[] kinds = new SampleKind[n];
        Arrays.fill(kinds, POSITIVE);
        return kinds;
    }

    @Test
    void identityEmbeddingsRetrieveTheirPairFirst() {
        float[][] e = new float[12][];
        for (int i = 0; i < 12; i++) {
            e[i] = unit(i, 12);
        }
        Map<String, Object> m = EmbeddingMetrics.compute(files.npz("audio", e), files.stack("visual", e),
                truth(positives(12)));
        for (String key : List.of("retrieval_a2i_r1", "retrieval_a2i_r5", "retrieval_a2i_r10",
                "retrieval_i2a_r1", "retrieval_i2a_r5", "retrieval_i2a_r10")) {
            assertEquals(1.0, m.get(key), key);
        }
        // Identical unit vectors: both modality means are the same point and every cosine is 1.
        assertEquals(0.0, (Double) m.get("feature_magnitude"), EPS);
        assertEquals(1.0, (Double) m.get("feature_alignment"), EPS);
        assertEquals(List.of("retrieval_a2i_r1", "retrieval_a2i_r5", "retrieval_a2i_r10", "retrieval_i2a_r1",
                "retrieval_i2a_r5", "retrieval_i2a_r10", "feature_magnitude", "feature_alignment"),
                List.copyOf(m.keySet()), "no separability without negatives, no class-level keys");
    }

    @Test
    void swappedPairsRankTheirPartnerSecond() {
        // Audio 0 and 1 are swapped: audio 0 = e1 finds image 1 (cos 1), then images 0 and 2 tie at 0
        // and the lower index ranks first, so its own image 0 is at rank 1. Image 0 finds audio 1 (e0)
        // first and its own audio 0 at rank 1 (ahead of audio 2 by index). Sample 2 is a hit at once.
        float[][] audio = {unit(1, 3), unit(0, 3), unit(2, 3)};
        float[][] visual = {unit(0, 3), unit(1, 3), unit(2, 3)};
        Map<String, Object> m = EmbeddingMetrics.compute(files.npz("audio", audio), files.npz("visual", visual),
                truth(positives(3)));
        assertEquals(1.0 / 3, m.get("retrieval_a2i_r1"));
        assertEquals(1.0, m.get("retrieval_a2i_r5"));
        assertEquals(1.0 / 3, m.get("retrieval_i2a_r1"));
        assertEquals(1.0, m.get("retrieval_i2a_r10"));
    }

    @Test
    void tiesRankTheLowerIndexFirst() {
        // All 12 pairs are the same vector: every cosine is 1, so query i's pair is at rank i.
        float[][] same = new float[12][];
        Arrays.fill(same, new float[] {1f, 0f});
        Map<String, Object> m = EmbeddingMetrics.compute(files.npz("audio", same), files.npz("visual", same),
                truth(positives(12)));
        for (String dir : List.of("a2i", "i2a")) {
            assertEquals(1.0 / 12, m.get("retrieval_" + dir + "_r1"));
            assertEquals(5.0 / 12, m.get("retrieval_" + dir + "_r5"));
            assertEquals(10.0 / 12, m.get("retrieval_" + dir + "_r10"));
        }
    }

    @Test
    void magnitudeAndAlignmentOfKnownVectors() {
        // Pair 0: (3,4) with (3,4), cosine 1. Pair 1: (1,0) with (0,2), cosine 0. Alignment 0.5.
        // Unit audio mean ((0.6+1)/2, (0.8+0)/2) = (0.8, 0.4); unit visual mean (0.3, 0.9);
        // magnitude = ‖(0.5, −0.5)‖ = √0.5.
        float[][] audio = {{3f, 4f}, {1f, 0f}};
        float[][] visual = {{3f, 4f}, {0f, 2f}};
        Map<String, Object> m = EmbeddingMetrics.compute(files.npz("audio", audio), files.npz("visual", visual),
                truth(POSITIVE, POSITIVE));
        assertEquals(Math.sqrt(0.5), (Double) m.get("feature_magnitude"), EPS);
        assertEquals(0.5, (Double) m.get("feature_alignment"), EPS);
        // Audio 1 (1,0) scores image 0 at 0.6 and its own image at 0: rank 1. Audio 0 hits at once.
        assertEquals(0.5, m.get("retrieval_a2i_r1"));
        assertEquals(1.0, m.get("retrieval_a2i_r5"));
        // Image 0 (3,4): audio 0 at 1, audio 1 at 0.6, hit. Image 1 (0,2): audio 0 at 0.8 before audio 1 at 0.
        assertEquals(0.5, m.get("retrieval_i2a_r1"));
    }

    @Test
    void separabilityPerNegativeKindFromEachSamplesOwnPair() {
        // Positives as above (alignment 0.5). Silence: cosine 1 → 0.5 − 1 = −0.5. Noise: cosine 0 →
        // 0.5. Off-screen: cosines 1 and 0, mean 0.5 → 0. Negatives never enter retrieval.
        float[][] audio = {{3f, 4f}, {1f, 0f}, {1f, 0f}, {0f, 1f}, {2f, 0f}, {0f, 5f}};
        float[][] visual = {{3f, 4f}, {0f, 2f}, {1f, 0f}, {1f, 0f}, {1f, 0f}, {7f, 0f}};
        Map<String, Object> m = EmbeddingMetrics.compute(files.npz("audio", audio), files.stack("visual", visual),
                truth(POSITIVE, POSITIVE, SILENCE, NOISE, OFFSCREEN, OFFSCREEN));
        assertEquals(0.5, (Double) m.get("feature_alignment"), EPS);
        assertEquals(Math.sqrt(0.5), (Double) m.get("feature_magnitude"), EPS);
        assertEquals(-0.5, (Double) m.get("separability_silence"), EPS);
        assertEquals(0.5, (Double) m.get("separability_noise"), EPS);
        assertEquals(0.0, (Double) m.get("separability_offscreen"), EPS);
        assertEquals(0.5, m.get("retrieval_a2i_r1"), "only the two positives are ranked");
        assertEquals(0.5, m.get("retrieval_i2a_r1"));
    }

    @Test
    void onlyKindsPresentGetASeparabilityKey() {
        float[][] audio = {{1f, 0f}, {0f, 1f}};
        float[][] visual = {{1f, 0f}, {1f, 1f}};
        Map<String, Object> m = EmbeddingMetrics.compute(files.npz("audio", audio), files.npz("visual", visual),
                truth(POSITIVE, NOISE));
        assertTrue(m.containsKey("separability_noise"));
        assertFalse(m.containsKey("separability_silence") || m.containsKey("separability_offscreen"));
        assertEquals(1.0 - Math.sqrt(0.5), (Double) m.get("separability_noise"), EPS);
    }

    @Test
    void withoutPositivesEveryValueIsNull() {
        float[][] audio = {{1f, 0f}, {0f, 1f}};
        float[][] visual = {{1f, 0f}, {1f, 1f}};
        Map<String, Object> m = EmbeddingMetrics.compute(files.npz("audio", audio), files.npz("visual", visual),
                truth(SILENCE, NOISE));
        assertEquals(10, m.size());
        m.forEach((key, value) -> assertNull(value, key));
        assertTrue(m.containsKey("separability_silence") && m.containsKey("separability_noise"));
    }

    @Test
    void sampleOrderFollowsTheGroundTruthNotTheArchive() {
        // The archive lists s1 before s0; pairing is by id, so identity embeddings still hit.
        Map<String, NpyArray> reversed = new LinkedHashMap<>();
        float[][] e = {unit(0, 2), unit(1, 2)};
        reversed.put("s1", NpyArray.of(e[1].clone(), 2));
        reversed.put("s0", NpyArray.of(e[0].clone(), 1, 2));
        Map<String, Object> m = EmbeddingMetrics.compute(files.npz("audio", reversed), files.npz("visual", e),
                truth(POSITIVE, POSITIVE));
        assertEquals(1.0, m.get("retrieval_a2i_r1"));
        assertEquals(1.0, m.get("retrieval_i2a_r1"));
    }

    @Test
    void aRejectedUploadIsNotScored() {
        float[][] audio = {{1f, 0f}, {0f, 0f}};
        float[][] visual = {{1f, 0f}, {0f, 1f}};
        InputException e = assertThrows(InputException.class, () -> EmbeddingMetrics.compute(
                files.npz("audio", audio), files.npz("visual", visual), truth(POSITIVE, POSITIVE)));
        assertTrue(e.getMessage().contains("s1: audio embedding is all zeros"), e.getMessage());
    }
}
