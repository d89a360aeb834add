package org.is3.eval.embedding;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.is3.core.formats.PredictionSource;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.FeatureSpace;
import org.is3.core.metrics.FeatureSpaceResult;
import org.is3.core.metrics.RecallAtK;
import org.is3.core.metrics.Retrieval;
import org.is3.core.metrics.RetrievalResult;

/**
 * The metrics of an embedding upload, as entries of a submission's metrics JSON. Values are fractions
 * (not percentages); an undefined value is null.
 *
 * <ul>
 *   <li>{@code retrieval_a2i_r1|r5|r10}, {@code retrieval_i2a_r1|r5|r10}: instance-level Recall@K
 *       (metrics.md §8, core's {@link Retrieval}) over the positive samples in ground-truth order:
 *       audio i's paired image is visual i; ties rank the lower index first. Negatives take no part.
 *       Class-level recall is not reported: the ground truth carries no class labels.</li>
 *   <li>{@code feature_magnitude}, {@code feature_alignment}: the modality gap and the mean positive
 *       cosine (metrics.md §9, core's {@link FeatureSpace}).</li>
 *   <li>{@code separability_<kind>} for each negative kind the split has ({@code silence}, {@code noise},
 *       {@code offscreen}, and {@code non_sounding} for SLAVC-style splits): alignment minus the mean
 *       cosine of that kind's samples, each pairing the negative sample's audio embedding with its own
 *       visual embedding. is3's definition, not SSL-SaN's (see {@link FeatureSpace}).</li>
 * </ul>
 *
 * <p>Without positive samples every retrieval and feature value is null. Vectors are read once, in
 * ground-truth order; only the positives' vectors are kept (retrieval needs them all), negatives go
 * straight into the feature-space sums. Retrieval takes time O(P²·D) for P positives.
 */
public final class EmbeddingMetrics {
    private EmbeddingMetrics() {
    }

    /** Computes with the {@linkplain EmbeddingLimits#DEFAULT default limits}. */
    public static Map<String, Object> compute(PredictionSource audio, PredictionSource visual, GroundTruthSet truth) {
        return compute(audio, visual, truth, EmbeddingLimits.DEFAULT);
    }

    /**
     * @throws org.is3.core.InputException if the upload fails {@link EmbeddingCheck} for the ids of
     *     {@code truth}
     */
    public static Map<String, Object> compute(PredictionSource audio, PredictionSource visual, GroundTruthSet truth,
                                              EmbeddingLimits limits) {
        int[] positiveIndex = new int[truth.size()];
        int positives = 0;
        for (int i = 0; i < truth.size(); i++) {
            positiveIndex[i] = truth.at(i).kind() == SampleKind.POSITIVE ? positives++ : -1;
        }
        float[][] audioVectors = new float[positives][];
        float[][] visualVectors = new float[positives][];
        FeatureSpace features = new FeatureSpace();
        EmbeddingPass.run(audio, visual, truth.ids(), limits, (i, a, v) -> {
            GroundTruth g = truth.at(i);
            if (positiveIndex[i] >= 0) {
                audioVectors[positiveIndex[i]] = a;
                visualVectors[positiveIndex[i]] = v;
                features.addPositive(a, v);
            } else {
                features.addNegative(g.kind(), a, v);
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        RetrievalResult retrieval = positives == 0 ? null : Retrieval.evaluate(audioVectors, visualVectors);
        putRecall(out, "retrieval_a2i_", retrieval == null ? null : retrieval.audioToImage());
        putRecall(out, "retrieval_i2a_", retrieval == null ? null : retrieval.imageToAudio());
        FeatureSpaceResult space = positives == 0 ? null : features.compute();
        out.put("feature_magnitude", space == null ? null : fraction(space.magnitude()));
        out.put("feature_alignment", space == null ? null : fraction(space.alignment()));
        for (SampleKind kind : SampleKind.values()) {
            if (kind != SampleKind.POSITIVE && truth.stream().anyMatch(g -> g.kind() == kind)) {
                Double s = space == null ? null : space.separability().get(kind);
                out.put("separability_" + kind.name().toLowerCase(Locale.ROOT), s == null ? null : fraction(s));
            }
        }
        return out;
    }

    private static void putRecall(Map<String, Object> out, String prefix, RecallAtK r) {
        out.put(prefix + "r1", r == null ? null : fraction(r.r1()));
        out.put(prefix + "r5", r == null ? null : fraction(r.r5()));
        out.put(prefix + "r10", r == null ? null : fraction(r.r10()));
    }

    /** A metric value for JSON: NaN and infinities have no JSON number, so they become null. */
    private static Double fraction(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
