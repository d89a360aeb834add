package org.is3.eval.embedding;

import static org.is3.eval.embedding.EmbeddingFiles.ids;
import static org.is3.eval.embedding.EmbeddingFiles.vectors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.is3.core.InputException;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.PredictionSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCheckTest {
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

    private static float[][] ramp(int n, int d) {
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i][k] = i + k + 1;
            }
        }
        return x;
    }

    private String rejection(PredictionSource audio, PredictionSource visual, List<String> expected) {
        return rejection(audio, visual, expected, EmbeddingLimits.DEFAULT);
    }

    private String rejection(PredictionSource audio, PredictionSource visual, List<String> expected,
                             EmbeddingLimits limits) {
        return assertThrows(InputException.class, () -> EmbeddingCheck.check(audio, visual, expected, limits))
                .getMessage();
    }

    @Test
    void acceptsVectorsAndRowVectorsInAnyContainer() {
        Map<String, NpyArray> rows = vectors(ramp(3, 4));
        rows.put("s1", NpyArray.of(rows.get("s1").data(), 1, 4));
        EmbeddingCheck.Result r = EmbeddingCheck.check(files.npz("audio", rows), files.stack("visual", ramp(3, 4)),
                ids(3));
        assertEquals(new EmbeddingCheck.Result(3, 4), r);
        assertEquals(24, r.floats());
    }

    @Test
    void missingAndUnknownIdsAreNamedForEachModality() {
        String m = rejection(files.npz("audio", ramp(2, 3)), files.npz("visual", ramp(4, 3)), ids(3));
        assertTrue(m.startsWith("2 problems with the embeddings (audio: "), m);
        assertTrue(m.contains("s2: no audio embedding"), m);
        assertTrue(m.contains("s3: visual embedding of a sample that is not in the benchmark split (unknown id)"), m);
        assertFalse(m.contains("no visual embedding"), m);
    }

    @Test
    void manyProblemsListTwentyThenACount() {
        String m = rejection(files.npz("audio", ramp(1, 3)), files.npz("visual", ramp(1, 3)), ids(26));
        assertTrue(m.startsWith("50 problems"), m);
        assertEquals(1 + 20 + 1, m.split("\n").length, m);
        assertTrue(m.endsWith("… and 30 more"), m);
    }

    @Test
    void oneDimensionForBothModalities() {
        String m = rejection(files.npz("audio", ramp(2, 3)), files.npz("visual", ramp(2, 4)), ids(2));
        assertTrue(m.contains("s0: visual embedding has 4 components, expected D = 3 like s0's audio embedding"),
                m);
        assertTrue(m.startsWith("2 problems"), m);
    }

    @Test
    void nonFiniteValuesAreRefused() {
        float[][] audio = ramp(2, 3);
        audio[1][2] = Float.NaN;
        float[][] visual = ramp(2, 3);
        visual[0][0] = Float.POSITIVE_INFINITY;
        String m = rejection(files.npz("audio", audio), files.npz("visual", visual), ids(2));
        assertTrue(m.contains("s1: audio embedding has value NaN at index 2 (values must be finite)"), m);
        assertTrue(m.contains("s0: visual embedding has value Infinity at index 0"), m);
    }

    @Test
    void zeroVectorsAreRefused() {
        float[][] visual = ramp(2, 3);
        visual[1] = new float[3];
        String m = rejection(files.npz("audio", ramp(2, 3)), files.stack("visual", visual), ids(2));
        assertTrue(m.contains("s1: visual embedding is all zeros"), m);
    }

    @Test
    void perSampleMatricesAreRefused() {
        Map<String, NpyArray> audio = vectors(ramp(2, 6));
        audio.put("s0", NpyArray.of(audio.get("s0").data(), 2, 3));
        Map<String, NpyArray> visual = vectors(ramp(2, 6));
        visual.put("s1", NpyArray.of(visual.get("s1").data(), 6, 1));
        String m = rejection(files.npz("audio", audio), files.npz("visual", visual), ids(2));
        assertTrue(m.contains("s0: audio embedding has shape (2, 3), expected one vector of shape (D,) or (1, D)"), m);
        assertTrue(m.contains("s1: visual embedding has shape (6, 1)"), m);
        // An N×H×W stack gives each sample a 2-D array too.
        PredictionSource stack = files.npz("stack3d", Map.of("s0", NpyArray.of(new float[8], 1, 2, 4)));
        String s = rejection(stack, files.npz("v", ramp(1, 8)), ids(1));
        assertTrue(s.contains("s0: audio embedding has shape (1, 2, 4)"), s);
    }

    @Test
    void emptyVectorsAreRefused() {
        String m = rejection(files.npz("audio", Map.of("s0", NpyArray.of(new float[0], 0))),
                files.npz("visual", ramp(1, 2)), ids(1));
        assertTrue(m.contains("s0: audio embedding has shape (0,)"), m);
    }

    @Test
    void dimensionOverTheLimitIsRefused() {
        String m = rejection(files.npz("audio", ramp(1, 8193)), files.npz("visual", ramp(1, 8193)), ids(1));
        assertTrue(m.contains("s0: audio embedding has 8193 components, more than the 8192 accepted"), m);
        assertEquals(new EmbeddingCheck.Result(1, 8192),
                EmbeddingCheck.check(files.npz("a2", ramp(1, 8192)), files.npz("v2", ramp(1, 8192)), ids(1)));
    }

    @Test
    void totalSizeOverTheLimitIsRefusedBeforeReadingOn() {
        EmbeddingLimits limits = new EmbeddingLimits(8192, 20);
        String m = rejection(files.npz("audio", ramp(3, 4)), files.npz("visual", ramp(3, 4)), ids(3), limits);
        assertEquals("embeddings of 3 samples × D = 4 (from s0's audio embedding) in two modalities are 24 floats,"
                + " more than the 20 accepted; reduce D to at most 3", m);
        assertEquals(new EmbeddingCheck.Result(3, 3), EmbeddingCheck.check(files.npz("a3", ramp(3, 3)),
                files.npz("v3", ramp(3, 3)), ids(3), limits));
    }

    @Test
    void anEmptySplitCannotBeChecked() {
        assertThrows(InputException.class, () -> EmbeddingCheck.check(files.npz("a", ramp(1, 2)),
                files.npz("v", ramp(1, 2)), List.of()));
    }

    @Test
    void archiveLimitsLeaveRoomForFloat64VectorsOnly() {
        PredictionSource.Limits l = new EmbeddingLimits(8, 1000).archiveLimits(10);
        assertEquals(74, l.maxEntries());
        assertEquals(80 * 8 + 74 * 4096, l.maxTotalBytes());
        PredictionSource.Limits capped = new EmbeddingLimits(8192, 1000).archiveLimits(10);
        assertEquals(1000 * 8 + 74 * 4096, capped.maxTotalBytes());
    }
}
