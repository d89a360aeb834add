package org.is3.eval.embedding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.NpyLayout;
import org.is3.core.formats.PredictionSource;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.SampleKind;

/** Real embedding uploads in a temporary directory, opened with core's {@link PredictionSource}. */
final class EmbeddingFiles {
    private final Path dir;
    private final List<PredictionSource> opened = new ArrayList<>();

    EmbeddingFiles(Path dir) {
        this.dir = dir;
    }

    /** An .npz of {@code <id>.npy} members, each holding its array as given (any shape). */
    PredictionSource npz(String name, Map<String, NpyArray> arrays) {
        Path file = dir.resolve(name + ".npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(Npy.toBytes(e.getValue(), NpyLayout.DEFAULT));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open(PredictionSource.open(file));
    }

    /** An .npz of 1-D vectors, ids {@code s0, s1, …} in row order. */
    PredictionSource npz(String name, float[][] vectors) {
        return npz(name, vectors(vectors));
    }

    /** An N×D .npy stack with ids.txt in a folder of its own. */
    PredictionSource stack(String name, float[][] vectors) {
        int d = vectors[0].length;
        float[] flat = new float[vectors.length * d];
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < vectors.length; i++) {
            System.arraycopy(vectors[i], 0, flat, i * d, d);
            ids.append(id(i)).append('\n');
        }
        try {
            Path folder = Files.createDirectories(dir.resolve(name));
            Files.writeString(folder.resolve("ids.txt"), ids);
            Npy.write(folder.resolve("emb.npy"), NpyArray.of(flat, vectors.length, d));
            return open(PredictionSource.open(folder.resolve("emb.npy")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PredictionSource open(PredictionSource source) {
        opened.add(source);
        return source;
    }

    void close() {
        opened.forEach(PredictionSource::close);
    }

    static Map<String, NpyArray> vectors(float[][] vectors) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (int i = 0; i < vectors.length; i++) {
            arrays.put(id(i), NpyArray.of(vectors[i].clone(), vectors[i].length));
        }
        return arrays;
    }

    static String id(int i) {
        return "s" + i;
    }

    static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(id(i));
        }
        return ids;
    }

    /** Ground truth whose sample i (id {@code s<i>}) has kind {@code kinds[i]}. */
    static GroundTruthSet truth(SampleKind... kinds) {
        List<GroundTruth> samples = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            int boxes = kinds[i] == SampleKind.POSITIVE ? 1 : 0;
            samples.add(new GroundTruth(id(i), GtMap.empty(), boxes, kinds[i]));
        }
        return GroundTruthSet.of(samples);
    }

    /** The unit vector e_k of dimension d. */
    static float[] unit(int k, int d) {
        float[] e = new float[d];
        e[k] = 1f;
        return e;
    }
}
