package org.is3.core.scoring;

import org.is3.core.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.is3.core.InputException;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.PredictionSource;
import org.is3.core.grid.Grid;
import org.is3.core.grid.Upsample;

/**
 * What an uploaded map must be: a 2-D map (singleton axes such as 1×224×224 are dropped) of
 * 224×224 finite values, or — where low-resolution uploads are allowed — a smaller map that is
 * upsampled by the documented {@link Upsample} rule. The checks are shared by the scorer and by
 * intake validation, so an upload accepted at the door scores without surprises.
 */
public final class Heatmaps {
    private Heatmaps() {
    }

    /** The map's (rows, cols) after dropping singleton axes. */
    public record Shape(int rows, int cols) {
        public boolean isGrid() {
            return rows == Grid.SIZE && cols == Grid.SIZE;
        }

        @Override
        public String toString() {
            return rows + "x" + cols;
        }
    }

    /** The result of checking a whole upload. */
    public record Check(int maps, Set<Shape> shapes, List<String> unknownIds) {
        /** The low-resolution shape the upload was given in, or null for 224×224 maps. */
        public Shape upsampledFrom() {
            return shapes.stream().filter(s -> !s.isGrid()).findFirst().orElse(null);
        }
    }

    /** The 2-D shape of an array, or an error naming what was found. */
    public static Shape shapeOf(NpyArray array) {
        int[] dims = Arrays.stream(array.shape()).filter(d -> d != 1).toArray();
        if (dims.length != 2) {
            throw new InputException("shape " + array.shapeString() + ", expected a 2-D map of (224, 224)");
        }
        return new Shape(dims[0], dims[1]);
    }

    /** The 224×224 values of an upload, upsampled first when {@code upsample} allows a smaller map. */
    public static float[] toGrid(NpyArray array, boolean upsample) {
        Shape shape = shapeOf(array);
        if (shape.isGrid()) {
            return array.data();
        }
        if (upsample && shape.rows() <= Grid.SIZE && shape.cols() <= Grid.SIZE) {
            return Upsample.bilinearAlignCorners(array.data(), shape.rows(), shape.cols());
        }
        throw new InputException("shape " + array.shapeString() + ", expected (224, 224)"
                + (upsample ? " or a smaller map to upsample" : " (maps must be 224×224; resize them the way your model's paper did)"));
    }

    /** An error naming the first non-finite value of a map whose min or max was not finite. */
    public static InputException nonFinite(float[] values, int cols) {
        int i = 0;
        while (i < values.length - 1 && Float.isFinite(values[i])) {
            i++;
        }
        return new InputException("value " + values[i] + " at row " + i / cols + ", column " + i % cols
                + " (maps must be finite)");
    }

    /** Unknown ids, and missing ones unless allowed, as one error. */
    public static void checkIds(Collection<String> expected, PredictionSource predictions, boolean allowMissing) {
        Set<String> wanted = new HashSet<>(expected);
        List<String> problems = new ArrayList<>();
        for (String id : predictions.ids()) {
            if (!wanted.contains(id)) {
                problems.add(id + ": not a sample of the ground truth (unknown id)");
            }
        }
        if (!allowMissing) {
            Set<String> have = new HashSet<>(predictions.ids());
            for (String id : expected) {
                if (!have.contains(id)) {
                    problems.add(id + ": no prediction (use --allow-missing to score it as a failure)");
                }
            }
        }
        Problems.throwIfAny("predictions in " + predictions.describe(), problems);
    }

    /**
     * Reads every map of an upload and checks ids, shapes (one shape for all maps) and values,
     * reporting every problem at once; used at intake, before an upload is queued.
     */
    public static Check check(Collection<String> expected, PredictionSource predictions, boolean allowMissing,
                              boolean upsample, int threads) {
        checkIds(expected, predictions, allowMissing);
        List<String> ids = predictions.ids();
        String[] problems = new String[ids.size()];
        Set<Shape> shapes = ConcurrentHashMap.newKeySet();
        Parallel.forEach(ids.size(), threads, i -> {
            try {
                NpyArray array = predictions.read(ids.get(i));
                float[] values = toGrid(array, upsample);
                shapes.add(shapeOf(array));
                float min = Float.POSITIVE_INFINITY;
                float max = Float.NEGATIVE_INFINITY;
                for (float v : values) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                if (!Float.isFinite(min) || !Float.isFinite(max)) {
                    throw nonFinite(array.data(), shapeOf(array).cols());
                }
            } catch (InputException e) {
                problems[i] = ids.get(i) + ": " + e.getMessage();
            }
        });
        List<String> found = new ArrayList<>(Arrays.stream(problems).filter(p -> p != null).toList());
        if (found.isEmpty() && shapes.size() > 1) {
            found.add("maps come in several shapes " + shapes + "; all maps of an upload must have one shape");
        }
        Problems.throwIfAny("predictions in " + predictions.describe(), found);
        return new Check(ids.size(), Set.copyOf(shapes), List.of());
    }
}
