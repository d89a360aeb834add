package org.is3.core.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.is3.core.InputException;
import org.is3.core.gt.SampleKind;

/**
 * Magnitude, alignment and separability of audio–visual embeddings (metrics.md §9), for the SSL-SaN
 * style "alignment vs separability" analysis. A streaming accumulator: {@link #addPositive} and
 * {@link #addNegative} per pair, then {@link #compute}.
 *
 * <ul>
 *   <li><b>Magnitude</b> (the modality gap): the Euclidean distance between the mean of the
 *       L2-normalised audio embeddings and the mean of the L2-normalised visual embeddings of the
 *       positive pairs.</li>
 *   <li><b>Alignment</b>: the mean cosine similarity of the positive pairs.</li>
 *   <li><b>Separability</b>, per negative type (silence, noise, off-screen): alignment minus the mean
 *       cosine similarity of that type's pairs (the negative audio with the image it was paired with).
 *       <b>This is is3's definition, pending the SSL-SaN authors' formula</b>, which is not public
 *       (metrics.md §9: only the column names Magnitude | Alignment | Separability± and four rows of
 *       values are known). Do not compare it with the paper's Separability± column.</li>
 * </ul>
 *
 * <p>Arithmetic: binary64 throughout, cosine as in {@link CosineSimilarity}; unit vectors are x/‖x‖ per
 * component; every sum runs in the order the pairs were added (then over dimensions ascending), and
 * means divide by the count.
 */
public final class FeatureSpace {
    private int dim = -1;
    private int positives;
    private double[] audioUnitSum;
    private double[] visualUnitSum;
    private double positiveCosineSum;
    private final Map<SampleKind, CosineMean> negatives = new EnumMap<>(SampleKind.class);

    /** Adds a positive pair: the audio embedding and the visual embedding of the same sample. */
    public void addPositive(float[] audio, float[] visual) {
        double[] norms = acceptedNorms(audio, visual, "positive pair " + positives);
        double na = norms[0];
        double nv = norms[1];
        for (int k = 0; k < dim; k++) {
            audioUnitSum[k] += audio[k] / na;
            visualUnitSum[k] += visual[k] / nv;
        }
        positiveCosineSum += CosineSimilarity.cosine(audio, na, visual, nv);
        positives++;
    }

    /**
     * Adds a negative pair of the given type: the embedding of the negative audio (silence, noise or an
     * off-screen clip) and the visual embedding of the image it was paired with.
     */
    public void addNegative(SampleKind kind, float[] audio, float[] visual) {
        Objects.requireNonNull(kind, "kind");
        if (kind == SampleKind.POSITIVE) {
            throw new IllegalArgumentException("a negative pair needs a negative kind (SILENCE, NOISE, OFFSCREEN or"
                    + " NON_SOUNDING), got POSITIVE");
        }
        CosineMean mean = negatives.get(kind);
        double[] norms = acceptedNorms(audio, visual, kind + " pair " + (mean == null ? 0 : mean.count));
        mean = negatives.computeIfAbsent(kind, k -> new CosineMean());
        mean.sum += CosineSimilarity.cosine(audio, norms[0], visual, norms[1]);
        mean.count++;
    }

    public FeatureSpaceResult compute() {
        if (positives == 0) {
            throw new IllegalStateException("no positive pair was added: magnitude and alignment are undefined");
        }
        double gap = 0.0;
        for (int k = 0; k < dim; k++) {
            double diff = audioUnitSum[k] / positives - visualUnitSum[k] / positives;
            gap += diff * diff;
        }
        double alignment = positiveCosineSum / positives;
        Map<SampleKind, Double> cosine = new EnumMap<>(SampleKind.class);
        Map<SampleKind, Double> separability = new EnumMap<>(SampleKind.class);
        negatives.forEach((kind, m) -> {
            double mean = m.sum / m.count;
            cosine.put(kind, mean);
            separability.put(kind, alignment - mean);
        });
        return new FeatureSpaceResult(positives, Math.sqrt(gap), alignment, Collections.unmodifiableMap(cosine),
                Collections.unmodifiableMap(separability));
    }

    /**
     * The norms {audio, visual} of a pair whose embeddings are both valid (see
     * {@link CosineSimilarity#checkedNorm}); {@code what} names the pair in errors. The embedding
     * dimension is fixed by the first accepted pair; until then it is the length of this audio embedding.
     */
    private double[] acceptedNorms(float[] audio, float[] visual, String what) {
        if (audio == null) {
            throw new InputException(what + " audio embedding is missing");
        }
        if (dim < 0 && audio.length == 0) {
            throw new InputException(what + " audio embedding is empty");
        }
        int d = dim < 0 ? audio.length : dim;
        double na = CosineSimilarity.checkedNorm(audio, d, what + " audio embedding");
        double nv = CosineSimilarity.checkedNorm(visual, d, what + " visual embedding");
        if (dim < 0) {
            dim = d;
            audioUnitSum = new double[d];
            visualUnitSum = new double[d];
        }
        return new double[] {na, nv};
    }

    /** A running sum of cosines, in the order the pairs were added. */
    private static final class CosineMean {
        private double sum;
        private int count;
    }
}
