package org.is3.trainer.data;

import java.nio.file.Path;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.is3.core.InputException;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;

/**
 * Semantically similar positives by k-nearest-neighbour search (SSL-Align's v_conc / a_conc): cosine
 * similarity between L2-normalised embeddings, one row per example of the training source; the
 * positive of example i is a uniformly random one of its k nearest other examples. Embeddings come
 * from .npy files computed elsewhere (e.g. CLIP for images, Wav2CLIP for audio) or from the model's
 * own projected features (self-bootstrapped, refreshed each epoch).
 */
public final class Neighbours {

    private final float[][] unit;
    private final int k;

    /** @param embeddings one row per example; rows are normalised here */
    public Neighbours(float[][] embeddings, int k) {
        if (embeddings.length < 2) {
            throw new IllegalArgumentException("neighbour search needs at least 2 examples, got " + embeddings.length);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = Math.min(k, embeddings.length - 1);
        unit = new float[embeddings.length][];
        for (int i = 0; i < embeddings.length; i++) {
            unit[i] = normalised(embeddings[i]);
        }
    }

    /** An N×D .npy of embeddings, which must hold one row per example of a source of {@code expected} examples. */
    public static Neighbours fromNpy(Path file, int expected, int k) {
        NpyArray a = Npy.read(file);
        if (a.ndim() != 2 || a.dim(0) != expected) {
            throw new InputException(file + ": expected an N×D embedding array with N = " + expected
                    + " (one row per training example), got shape " + a.shapeString());
        }
        int d = a.dim(1);
        float[][] rows = new float[expected][d];
        for (int i = 0; i < expected; i++) {
            System.arraycopy(a.data(), i * d, rows[i], 0, d);
        }
        return new Neighbours(rows, k);
    }

    public int size() {
        return unit.length;
    }

    public int k() {
        return k;
    }

    /** The k nearest other examples of {@code i}, most similar first (ties: lower index first). */
    public int[] nearest(int i) {
        PriorityQueue<double[]> heap = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0])
                : Double.compare(y[1], x[1]));
        float[] q = unit[i];
        for (int j = 0; j < unit.length; j++) {
            if (j == i) {
                continue;
            }
            double s = dot(q, unit[j]);
            if (heap.size() < k) {
                heap.add(new double[] {s, j});
            } else if (s > heap.peek()[0] || (s == heap.peek()[0] && j < heap.peek()[1])) {
                heap.poll();
                heap.add(new double[] {s, j});
            }
        }
        int[] out = new int[heap.size()];
        for (int n = out.length - 1; n >= 0; n--) {
            out[n] = (int) heap.poll()[1];
        }
        return out;
    }

    /** A random one of the k nearest neighbours of {@code i}. */
    public int pick(int i, SplittableRandom rng) {
        int[] near = nearest(i);
        return near[rng.nextInt(near.length)];
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static float[] normalised(float[] v) {
        double n = 0;
        for (float f : v) {
            n += f * f;
        }
        double norm = Math.sqrt(n);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }
}
