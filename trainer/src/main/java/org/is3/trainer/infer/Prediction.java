package org.is3.trainer.infer;

/**
 * What the model says about one example: its 224×224 localization map (raw cosines cos(v^xy, a),
 * bilinearly upsampled with align_corners=True as SSLalignment's {@code validate()} does, row-major)
 * and the L2-normalised projected embeddings pv(avg(v)) and pa(a) used for retrieval.
 */
public record Prediction(String id, float[] map, float[] visualEmbedding, float[] audioEmbedding) {
}
