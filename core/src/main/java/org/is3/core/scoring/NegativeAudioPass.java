package org.is3.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.is3.core.InputException;
import org.is3.core.formats.PredictionSource;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.NegativeAudio;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.NegativeAudioMetrics;
import org.is3.core.metrics.NegativeAudioResult;

/**
 * The negative-audio metrics of metrics.md §7 over a set with SILENCE / NOISE / OFFSCREEN samples
 * (an IS3+ release, docs/release-format.md). Each instance is one image: its positive raw map and the
 * raw maps of its three negatives go to one {@link NegativeAudioMetrics#add}, in the order of the
 * positives in the set (vssl_eval iterates the positive test set and evaluates the negatives of each
 * image with it). Only complete instances take part (see {@link #instances}).
 *
 * <p>Memory stays bounded: the maps are read again here, a chunk of instances at a time (four maps
 * each), rather than kept from the localization pass. The maps were already checked there, so reading
 * them again cannot fail on their values. A sample without a prediction (only with allowMissing)
 * scores as a failure: a missing positive as an all-zero map (nothing found), a missing negative as a
 * map above any finite threshold everywhere (the whole image lights up, pIA = 1).
 */
final class NegativeAudioPass {
    /** Instances whose maps are read in parallel before they are added in order. */
    private static final int CHUNK_PER_THREAD = 8;

    /** One image: its positive sample and its silence, noise and off-screen samples, in that order. */
    record Instance(GroundTruth positive, GroundTruth[] negatives) {
    }

    private NegativeAudioPass() {
    }

    /** The §7 metrics over the set's complete instances, or null when it has none. */
    static NegativeAudioResult compute(GroundTruthSet truth, PredictionSource predictions, ScoreOptions options) {
        List<Instance> instances = instances(truth);
        if (instances.isEmpty()) {
            return null;
        }
        NegativeAudioMetrics metrics = new NegativeAudioMetrics(options.negativeThreshold());
        Set<String> available = new HashSet<>(predictions.ids());
        int chunk = Math.max(1, options.threads() * CHUNK_PER_THREAD);
        for (int start = 0; start < instances.size(); start += chunk) {
            List<Instance> part = instances.subList(start, Math.min(instances.size(), start + chunk));
            float[][][] maps = new float[part.size()][][];
            Parallel.forEach(part.size(), options.threads(),
                    i -> maps[i] = read(part.get(i), predictions, available, options.upsample()));
            for (int i = 0; i < part.size(); i++) {
                float[][] m = maps[i];
                metrics.add(m[0], part.get(i).positive().map(), m[1], m[2], m[3]);
                maps[i] = null;
            }
        }
        return metrics.compute();
    }

    /**
     * Groups the negatives with their positive, in the positives' order. Only complete instances (a
     * positive and all three of its negatives in the set) take part: the IS3+ reader already refuses a
     * negative without its positive, and an id subset that drops part of an instance leaves an image
     * the reference would not evaluate; {@code n_negative_audio} reports how many instances counted.
     */
    static List<Instance> instances(GroundTruthSet truth) {
        Map<String, GroundTruth[]> byInstance = new HashMap<>();
        for (GroundTruth g : truth) {
            NegativeAudio type = NegativeAudio.of(g.kind()).orElse(null);
            if (type != null) {
                String instance = NegativeAudio.instanceOf(g).orElseThrow();
                byInstance.computeIfAbsent(instance, k -> new GroundTruth[NegativeAudio.values().length])[type.ordinal()] = g;
            }
        }
        List<Instance> out = new ArrayList<>();
        for (GroundTruth g : truth) {
            GroundTruth[] negatives = g.kind() == SampleKind.POSITIVE ? byInstance.get(g.id()) : null;
            if (negatives != null && Arrays.stream(negatives).allMatch(Objects::nonNull)) {
                out.add(new Instance(g, negatives));
            }
        }
        return out;
    }

    private static float[][] read(Instance instance, PredictionSource predictions, Set<String> available,
                                  boolean upsample) {
        float[][] maps = new float[1 + instance.negatives().length][];
        maps[0] = read(instance.positive(), predictions, available, upsample, 0f);
        for (int k = 0; k < instance.negatives().length; k++) {
            maps[k + 1] = read(instance.negatives()[k], predictions, available, upsample, Float.MAX_VALUE);
        }
        return maps;
    }

    private static float[] read(GroundTruth g, PredictionSource predictions, Set<String> available, boolean upsample,
                                float missingValue) {
        if (!available.contains(g.id())) {
            float[] fill = new float[Grid.PIXELS];
            Arrays.fill(fill, missingValue);
            return fill;
        }
        try {
            return Heatmaps.toGrid(predictions.read(g.id()), upsample);
        } catch (InputException e) {
            throw new InputException(g.id() + ": " + e.getMessage(), e);
        }
    }

}
