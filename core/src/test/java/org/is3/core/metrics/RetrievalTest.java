package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;

class RetrievalTest {

    @Test
    void handComputedThreePairs() {
        // S = cos(audio i, image j):  a0=(1,0) a1=(0,1) a2=(1,1) against v0=(1,0) v1=(1,1) v2=(0,1)
        //   a0: 1, .707, 0        pair v0 rank 0
        //   a1: 0, .707, 1        pair v1 rank 1
        //   a2: .707, 1, .707     pair v2 rank 2 (v1 higher; v0 ties with v2 and has the lower index)
        float[][] audio = {{1, 0}, {0, 1}, {1, 1}};
        float[][] visual = {{1, 0}, {1, 1}, {0, 1}};
        RetrievalResult r = Retrieval.evaluate(audio, visual);
        assertEquals(new RecallAtK(1.0 / 3, 1.0, 1.0), r.audioToImage());
        // I→A: v0 → a0 rank 0; v1=(1,1): a2 = 1, a0 ties a1 at .707 → a1 rank 2; v2 → a1 = 1 first, a2 rank 1
        assertEquals(new RecallAtK(1.0 / 3, 1.0, 1.0), r.imageToAudio());
        assertNull(r.audioToImageClass());
        assertEquals(3, r.pairs());
    }

    @Test
    void tiesAreBrokenByIndex() {
        int n = 12;
        float[][] same = new float[n][];
        for (int i = 0; i < n; i++) {
            same[i] = new float[] {3, 4};
        }
        RetrievalResult r = Retrieval.evaluate(same, same);
        // every score is equal, so item q has rank q
        assertEquals(new RecallAtK(1.0 / n, 5.0 / n, 10.0 / n), r.audioToImage());
        assertEquals(new RecallAtK(1.0 / n, 5.0 / n, 10.0 / n), r.imageToAudio());
    }

    @Test
    void classHitNeedsOnlySomeTopKItemWithTheQueryLabel() {
        // audio 1 prefers image 0 (same label 7) over its own image 1
        float[][] audio = {{1, 0}, {1, 0.1f}, {0, 1}};
        float[][] visual = {{1, 0}, {0.2f, 1}, {0, 1}};
        int[] labels = {7, 7, 9};
        RetrievalResult r = Retrieval.evaluate(audio, visual, labels);
        // a1: v0 .995, v1 ≈ .29, v2 ≈ .0995 → own image rank 1; image 0 (label 7) rank 0
        // a2: v1 .98, v2 1 → own image rank 0
        assertEquals(2.0 / 3, r.audioToImage().r1(), 0.0);
        assertEquals(1.0, r.audioToImageClass().r1(), 0.0);
    }

    @Test
    void agreesWithASortBasedRankingOnRandomDataWithTies() {
        Random rnd = new Random(42);
        int n = 301; // several parallel blocks, and a gallery that is not a multiple of 4
        int dim = 6;
        float[][] audio = new float[n][dim];
        float[][] visual = new float[n][dim];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                audio[i][d] = rnd.nextInt(5) - 2;
                visual[i][d] = rnd.nextInt(5) - 2;
            }
            audio[i][0] += 0.5f; // no zero vectors
            visual[i][0] += 0.5f;
            labels[i] = rnd.nextInt(20);
        }
        RetrievalResult r = Retrieval.evaluate(audio, visual, labels);
        assertEquals(bruteForce(audio, visual, labels, false), r.audioToImage());
        assertEquals(bruteForce(audio, visual, labels, true), r.audioToImageClass());
        assertEquals(bruteForce(visual, audio, labels, false), r.imageToAudio());
        assertEquals(bruteForce(visual, audio, labels, true), r.imageToAudioClass());
    }

    /** Sorts the whole gallery for every query (score descending, index ascending) and reads the top K. */
    private static RecallAtK bruteForce(float[][] queries, float[][] gallery, int[] labels, boolean byClass) {
        int n = queries.length;
        int[] ks = {1, 5, 10};
        int[] hits = new int[3];
        for (int q = 0; q < n; q++) {
            double[] s = new double[n];
            for (int j = 0; j < n; j++) {
                s[j] = CosineSimilarity.dot(queries[q], gallery[j])
                        / (CosineSimilarity.norm(queries[q]) * CosineSimilarity.norm(gallery[j]));
            }
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> -s[j]).thenComparingInt(j -> j));
            for (int k = 0; k < 3; k++) {
                for (int t = 0; t < ks[k]; t++) {
                    int j = order[t];
                    if (byClass ? labels[j] == labels[q] : j == q) {
                        hits[k]++;
                        break;
                    }
                }
            }
        }
        return new RecallAtK((double) hits[0] / n, (double) hits[1] / n, (double) hits[2] / n);
    }

    @Test
    void rejectsUnusableEmbeddings() {
        float[][] ok = {{1, 0}, {0, 1}};
        assertThrows(InputException.class, () -> Retrieval.evaluate(new float[][] {{1, 0}, {0, 0}}, ok));
        assertThrows(InputException.class, () -> Retrieval.evaluate(new float[][] {{1, 0}, {Float.NaN, 1}}, ok));
        assertThrows(InputException.class, () -> Retrieval.evaluate(new float[][] {{1, 0}, {1, 0, 0}}, ok));
        assertThrows(InputException.class, () -> Retrieval.evaluate(ok, new float[][] {{1, 0}}));
        assertThrows(InputException.class, () -> Retrieval.evaluate(ok, ok, new int[] {1}));
    }
}
