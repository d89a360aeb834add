package org.is3.eval.embedding;

import java.util.List;
import org.is3.core.formats.PredictionSource;

/**
 * Intake validation of an embedding upload (the rules are in the package documentation): every
 * vector of both modalities is read and checked, and all problems are reported as one
 * {@link org.is3.core.InputException} listing the first {@value org.is3.core.Problems#SHOWN}, then how many more. An
 * upload that passes scores without surprises in {@link EmbeddingMetrics}.
 */
public final class EmbeddingCheck {

    private EmbeddingCheck() {
    }

    /**
     * An accepted upload.
     *
     * @param samples   N, the samples covered by each modality
     * @param dimension D, the common length of every vector
     */
    public record Result(int samples, int dimension) {
        /** Floats held when both modalities are read: 2·N·D. */
        public long floats() {
            return 2L * samples * dimension;
        }
    }

    /** Checks with the {@linkplain EmbeddingLimits#DEFAULT default limits}. */
    public static Result check(PredictionSource audio, PredictionSource visual, List<String> expectedIds) {
        return check(audio, visual, expectedIds, EmbeddingLimits.DEFAULT);
    }

    /**
     * @param audio       the {@code audio_emb} upload
     * @param visual      the {@code visual_emb} upload
     * @param expectedIds every sample id of the benchmark split, negatives included
     * @throws org.is3.core.InputException naming each missing or unknown id, each vector of the wrong
     *     shape, dimension or values, or the total size over {@code limits}
     */
    public static Result check(PredictionSource audio, PredictionSource visual, List<String> expectedIds,
                               EmbeddingLimits limits) {
        return EmbeddingPass.run(audio, visual, expectedIds, limits, (i, a, v) -> {
        });
    }
}
