package org.is3.core.metrics;

import java.util.Map;
import org.is3.core.gt.SampleKind;

/**
 * Feature-space statistics of audio and visual embeddings (metrics.md §9).
 *
 * @param positives        number of positive pairs
 * @param magnitude        modality gap: ‖mean of the unit audio embeddings − mean of the unit visual
 *                         embeddings‖₂ over the positive pairs
 * @param alignment        mean cosine similarity of the positive pairs
 * @param negativeCosine   per negative type: mean cosine similarity of its pairs (negative audio, image)
 * @param separability     per negative type: alignment − negativeCosine (is3's definition, see
 *                         {@link FeatureSpace})
 */
public record FeatureSpaceResult(int positives, double magnitude, double alignment,
                                 Map<SampleKind, Double> negativeCosine, Map<SampleKind, Double> separability) {
}
