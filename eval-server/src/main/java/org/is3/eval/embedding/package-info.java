/**
 * Optional audio and visual embeddings of a submission, and the retrieval and feature-space metrics
 * they enable (issue 3; metrics.md §8 and §9, both specified by is3).
 *
 * <h2>Upload format</h2>
 *
 * <p>A team may upload {@code audio_emb} and {@code visual_emb} together with its heatmaps; the metrics
 * pair each audio vector with a visual vector, so they need both. Each is a container core's
 * {@link org.is3.core.formats.PredictionSource} reads:
 *
 * <ul>
 *   <li>a numpy {@code .npz} ({@code np.savez(f, **{id: vector})}, compressed or not) or a {@code .zip}
 *       of {@code <id>.npy} files, one file per sample; or</li>
 *   <li>one {@code N×D} {@code .npy} stack with an {@code ids.txt} of N lines (row i is sample i).</li>
 * </ul>
 *
 * <p>Rules, all checked by {@link org.is3.eval.embedding.EmbeddingCheck} before anything is scored:
 *
 * <ul>
 *   <li>one float vector per sample id, of shape {@code (D,)} or {@code (1, D)} (float16, float32 or
 *       float64; read as float32). Any other shape, such as a per-sample feature map {@code (C, H, W)}
 *       or {@code (T, D)}, is refused: pool it to one vector first;</li>
 *   <li>both containers cover exactly the same ids: all samples of the benchmark split, negatives
 *       (silence, noise, off-screen) included when the split has them, and nothing else;</li>
 *   <li>one common dimension D for every vector of both modalities, 1 ≤ D ≤ 8192
 *       ({@link org.is3.eval.embedding.EmbeddingLimits#DEFAULT});</li>
 *   <li>2·N·D, the floats held in memory while scoring, at most 64 M (256 MiB); a larger upload is
 *       refused with the largest D that would fit;</li>
 *   <li>finite values and a non-zero norm (a cosine similarity must exist).</li>
 * </ul>
 *
 * <h2>Metrics</h2>
 *
 * <p>{@link org.is3.eval.embedding.EmbeddingMetrics} computes instance-level Recall@1/5/10 in both
 * directions over the positive samples (audio i's paired image is visual i) with core's
 * {@link org.is3.core.metrics.Retrieval}, and magnitude, alignment and per-negative-type separability
 * with core's {@link org.is3.core.metrics.FeatureSpace}. Class-level retrieval needs a class label per
 * sample; the ground truth of a benchmark has none, so class-level recall is not reported.
 */
package org.is3.eval.embedding;
