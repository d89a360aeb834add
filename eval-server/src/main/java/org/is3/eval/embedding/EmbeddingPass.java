package org.is3.eval.embedding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.is3.core.InputException;
import org.is3.core.Problems;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.PredictionSource;

/**
 * One pass over an embedding upload in the benchmark's sample order: every vector is read once,
 * checked, and handed to a {@link Sink} while no problem has been found. All problems are collected
 * and reported as one error at the end, as core's {@code Heatmaps.check} reports maps.
 */
final class EmbeddingPass {
    /** Receives the valid vector pairs, in sample order, until the first problem. */
    interface Sink {
        void accept(int index, float[] audio, float[] visual);
    }

    private final PredictionSource audio;
    private final PredictionSource visual;
    private final List<String> ids;
    private final EmbeddingLimits limits;
    private final List<String> problems = new ArrayList<>();
    private int dimension = -1;
    private String dimensionSource;

    private EmbeddingPass(PredictionSource audio, PredictionSource visual, List<String> ids, EmbeddingLimits limits) {
        this.audio = audio;
        this.visual = visual;
        this.ids = ids;
        this.limits = limits;
    }

    /** Checks the upload against {@code ids} (the split's samples, in order), feeding {@code sink}. */
    static EmbeddingCheck.Result run(PredictionSource audio, PredictionSource visual, List<String> ids,
                                     EmbeddingLimits limits, Sink sink) {
        EmbeddingPass pass = new EmbeddingPass(audio, visual, ids, limits);
        if (ids.isEmpty()) {
            throw new InputException("the benchmark split has no samples, so embeddings cannot be checked");
        }
        pass.checkIds(audio, "audio");
        pass.checkIds(visual, "visual");
        pass.throwIfAny();
        for (int i = 0; i < ids.size(); i++) {
            float[] a = pass.vector(audio, ids.get(i), "audio");
            float[] v = pass.vector(visual, ids.get(i), "visual");
            if (a != null && v != null && pass.problems.isEmpty()) {
                sink.accept(i, a, v);
            }
        }
        pass.throwIfAny();
        return new EmbeddingCheck.Result(ids.size(), pass.dimension);
    }

    private void checkIds(PredictionSource source, String modality) {
        Set<String> wanted = new HashSet<>(ids);
        for (String id : source.ids()) {
            if (!wanted.contains(id)) {
                problems.add(id + ": " + modality + " embedding of a sample that is not in the benchmark split"
                        + " (unknown id)");
            }
        }
        Set<String> have = new HashSet<>(source.ids());
        for (String id : ids) {
            if (!have.contains(id)) {
                problems.add(id + ": no " + modality + " embedding (every sample of the split needs one)");
            }
        }
    }

    /** The sample's vector if it is valid; otherwise null, with the problem recorded. */
    private float[] vector(PredictionSource source, String id, String modality) {
        String what = id + ": " + modality + " embedding";
        NpyArray array;
        try {
            array = source.read(id);
        } catch (InputException e) {
            problems.add(what + ": " + e.getMessage());
            return null;
        }
        int[] shape = array.shape();
        if (!(shape.length == 1 || (shape.length == 2 && shape[0] == 1)) || array.size() == 0) {
            problems.add(what + " has shape " + array.shapeString() + ", expected one vector of shape (D,) or (1, D)"
                    + " with D ≥ 1 (pool feature maps to one vector per sample)");
            return null;
        }
        float[] x = array.data();
        if (x.length > limits.maxDimension()) {
            problems.add(what + " has " + x.length + " components, more than the " + limits.maxDimension()
                    + " accepted");
            return null;
        }
        if (dimension < 0) {
            fixDimension(x.length, what);
        } else if (x.length != dimension) {
            problems.add(what + " has " + x.length + " components, expected D = " + dimension + " like "
                    + dimensionSource + " (one dimension for all vectors of both modalities)");
            return null;
        }
        return checkValues(x, what) ? x : null;
    }

    /** Fixes D from the first acceptable vector, refusing at once an upload too large to hold. */
    private void fixDimension(int d, String what) {
        String source = what.replace(": ", "'s ");
        long floats = 2L * ids.size() * d;
        if (floats > limits.maxTotalFloats()) {
            long fitting = limits.maxTotalFloats() / (2L * ids.size());
            throw new InputException("embeddings of " + ids.size() + " samples × D = " + d + " (from " + source
                    + ") in two modalities are " + floats + " floats, more than the " + limits.maxTotalFloats()
                    + " accepted; reduce D to at most " + fitting);
        }
        dimension = d;
        dimensionSource = source;
    }

    private boolean checkValues(float[] x, String what) {
        double sumSquares = 0.0;
        for (int k = 0; k < x.length; k++) {
            if (!Float.isFinite(x[k])) {
                problems.add(what + " has value " + x[k] + " at index " + k + " (values must be finite)");
                return false;
            }
            sumSquares += (double) x[k] * x[k];
        }
        if (sumSquares == 0.0) {
            problems.add(what + " is all zeros (its cosine similarity is undefined; vectors need a non-zero norm)");
            return false;
        }
        return true;
    }

    /** Throws the problems found so far as one error: the first 20, then how many more. */
    private void throwIfAny() {
        Problems.throwIfAny("the embeddings (audio: " + audio.describe() + "; visual: " + visual.describe() + ")",
                problems);
    }
}
