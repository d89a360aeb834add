package org.is3.core.metrics;

import java.util.stream.IntStream;
import org.is3.core.InputException;

/**
 * Cross-modal retrieval Recall@1/5/10 by cosine similarity (metrics.md §8). No public code of the
 * papers that report it (SSLalignment, SSL-SaN) computes it, so this is is3's definition:
 *
 * <ul>
 *   <li>Pair i is audio embedding i with visual embedding i. Similarity S[i][j] = cos(audio i, visual j)
 *       in binary64 as {@link CosineSimilarity} computes it.</li>
 *   <li>A→I: audio i ranks the N images by S[i][·], highest first; I→A: image j ranks the N clips by
 *       S[·][j]. Ties are broken by index: of two equal scores the lower index ranks first. The rank
 *       of an item is the number of items ranked before it.</li>
 *   <li>Instance hit at K: the paired item has rank &lt; K. Class hit at K (with labels): some item among
 *       the top K has the query's label, i.e. the best-ranked item with that label has rank &lt; K
 *       (labels are per pair: item i of either modality has label i).</li>
 *   <li>R@K = hits / N.</li>
 * </ul>
 *
 * <p>Each S[i][j] is computed once, streaming over blocks of audio rows: a row updates the top
 * {@value RetrievalTopLists#SIZE} images of its audio query and, in a per-block list, the top clips of
 * every image query. Time O(N²·D); memory O(N·D) for the inputs plus O(N) per block (S is never
 * materialised). Blocks run in parallel; the top lists use a total order, so the result does not
 * depend on the number of threads.
 */
public final class Retrieval {
    private static final int[] KS = {1, 5, 10};

    private Retrieval() {
    }

    /** Instance-level recall only. */
    public static RetrievalResult evaluate(float[][] audio, float[][] visual) {
        return evaluate(audio, visual, null);
    }

    /**
     * @param audio  N audio embeddings, one per pair
     * @param visual N visual embeddings of the same dimension, in the same pair order
     * @param labels N class labels (per pair), or null for instance-level recall only
     */
    public static RetrievalResult evaluate(float[][] audio, float[][] visual, int[] labels) {
        int n = audio.length;
        if (n == 0 || visual.length != n || (labels != null && labels.length != n)) {
            throw new InputException("retrieval needs N ≥ 1 audio embeddings, N visual embeddings and N labels (or"
                    + " none); got " + n + ", " + visual.length + " and " + (labels == null ? "none" : labels.length));
        }
        int dim = audio[0] == null ? 0 : audio[0].length;
        double[] audioNorms = norms(audio, dim, "audio embedding");
        double[] visualNorms = norms(visual, dim, "visual embedding");
        RetrievalTopLists imagesPerAudio = new RetrievalTopLists(n);
        RetrievalTopLists audioPerImage = new RetrievalTopLists(n);
        int blocks = Math.max(1, Math.min(n / 64, 4 * Runtime.getRuntime().availableProcessors()));
        RetrievalTopLists[] partial = new RetrievalTopLists[blocks];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            RetrievalTopLists columns = new RetrievalTopLists(n);
            double[] row = new double[n];
            for (int i = (int) ((long) n * b / blocks); i < (int) ((long) n * (b + 1) / blocks); i++) {
                similarities(audio[i], audioNorms[i], visual, visualNorms, row);
                for (int j = 0; j < n; j++) {
                    imagesPerAudio.offer(i, row[j], j);
                    columns.offer(j, row[j], i);
                }
            }
            partial[b] = columns;
        });
        for (RetrievalTopLists p : partial) {
            audioPerImage.mergeFrom(p);
        }
        return new RetrievalResult(n, recall(imagesPerAudio, n, null), recall(audioPerImage, n, null),
                labels == null ? null : recall(imagesPerAudio, n, labels),
                labels == null ? null : recall(audioPerImage, n, labels));
    }

    private static double[] norms(float[][] x, int dim, String what) {
        double[] norms = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            norms[i] = CosineSimilarity.checkedNorm(x[i], dim, what + " " + i);
        }
        return norms;
    }

    /**
     * Row i of S into {@code out}: four gallery items at a time, each dot product still summed in the
     * order of {@link CosineSimilarity} (the interleaving only lets the four sums overlap in time).
     */
    static void similarities(float[] q, double qNorm, float[][] gallery, double[] galleryNorms, double[] out) {
        int n = gallery.length;
        int dim = q.length;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            float[] g0 = gallery[j];
            float[] g1 = gallery[j + 1];
            float[] g2 = gallery[j + 2];
            float[] g3 = gallery[j + 3];
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            for (int d = 0; d < dim; d++) {
                double x = q[d];
                s0 += x * g0[d];
                s1 += x * g1[d];
                s2 += x * g2[d];
                s3 += x * g3[d];
            }
            out[j] = s0 / (qNorm * galleryNorms[j]);
            out[j + 1] = s1 / (qNorm * galleryNorms[j + 1]);
            out[j + 2] = s2 / (qNorm * galleryNorms[j + 2]);
            out[j + 3] = s3 / (qNorm * galleryNorms[j + 3]);
        }
        for (; j < n; j++) {
            out[j] = CosineSimilarity.cosine(q, qNorm, gallery[j], galleryNorms[j]);
        }
    }

    /** Instance hits (labels null: the paired item, index = query) or class hits within the top K. */
    private static RecallAtK recall(RetrievalTopLists tops, int n, int[] labels) {
        int[] firstHit = new int[n];
        for (int q = 0; q < n; q++) {
            int[] top = tops.top(q);
            firstHit[q] = Integer.MAX_VALUE;
            for (int k = 0; k < top.length; k++) {
                if (labels == null ? top[k] == q : labels[top[k]] == labels[q]) {
                    firstHit[q] = k;
                    break;
                }
            }
        }
        return recall(firstHit);
    }

    /** R@K from the rank of each query's first hit (MAX_VALUE: none in the top 10). */
    private static RecallAtK recall(int[] firstHit) {
        double[] r = new double[KS.length];
        for (int k = 0; k < KS.length; k++) {
            int hits = 0;
            for (int rank : firstHit) {
                if (rank < KS[k]) {
                    hits++;
                }
            }
            r[k] = (double) hits / firstHit.length;
        }
        return new RecallAtK(r[0], r[1], r[2]);
    }
}
