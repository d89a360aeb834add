package org.is3.eval.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.is3.core.gt.SampleKind;

/** Seeded ground truth and prediction maps, and the zip of {@code <id>.npy} a team uploads. */
public final class TestSubmissions {
    private TestSubmissions() {
    }

    /** {@code n} positives with one or two boxes each, ids {@code <prefix><g>_<i>} in IIoU groups of three. */
    public static List<GroundTruth> positives(String prefix, int n, SplittableRandom rnd) {
        List<GroundTruth> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int boxes = 1 + rnd.nextInt(2);
            List<PixelBox> list = new ArrayList<>();
            for (int b = 0; b < boxes; b++) {
                int x = rnd.nextInt(150);
                int y = rnd.nextInt(150);
                list.add(new PixelBox(x, y, x + 20 + rnd.nextInt(70), y + 20 + rnd.nextInt(70)));
            }
            out.add(GroundTruth.positive(prefix + (i / 3) + "_" + i, GtMap.union(list), boxes));
        }
        return out;
    }

    /** A negative sample: empty map, no boxes. */
    public static GroundTruth negative(String id, SampleKind kind) {
        return new GroundTruth(id, GtMap.empty(), 0, kind);
    }

    /** A blob around a random centre plus a little noise, as a model's heatmap might look. */
    public static float[] map(SplittableRandom rnd) {
        float[] m = new float[Grid.PIXELS];
        int cx = rnd.nextInt(Grid.SIZE);
        int cy = rnd.nextInt(Grid.SIZE);
        for (int i = 0; i < m.length; i++) {
            int dx = i % Grid.SIZE - cx;
            int dy = i / Grid.SIZE - cy;
            m[i] = (float) (Math.exp(-(dx * dx + dy * dy) / 3000.0) + rnd.nextDouble() * 0.01);
        }
        return m;
    }

    /** One map per id, in id order. */
    public static Map<String, float[]> maps(List<String> ids, SplittableRandom rnd) {
        Map<String, float[]> maps = new LinkedHashMap<>();
        for (String id : ids) {
            maps.put(id, map(rnd));
        }
        return maps;
    }

    /** A zip of {@code <id>.npy} files, as uploaded. */
    public static Path zip(Path file, Map<String, float[]> maps) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, float[]> e : maps.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                Npy.write(zip, NpyArray.of(e.getValue(), Grid.SIZE, Grid.SIZE));
                zip.closeEntry();
            }
        }
        return file;
    }

    /** The ids of ground-truth samples. */
    public static List<String> ids(List<GroundTruth> samples) {
        return samples.stream().map(GroundTruth::id).toList();
    }
}
