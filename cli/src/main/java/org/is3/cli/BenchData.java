package org.is3.cli;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.is3.core.grid.Grid;

/**
 * The benchmarks' data: N random 224×224 heatmaps in an uncompressed .npz with VGG-SS-style box
 * ground truth (1–3 normalised boxes), generated once per (N, seed) and reused.
 */
record BenchData(Path gt, Path predictions) {

    static BenchData ensure(Path dir, int n, long seed, PrintWriter out) throws IOException {
        Path work = dir.resolve("n" + n + "-seed" + seed);
        BenchData data = new BenchData(work.resolve("gt.json"), work.resolve("pred.npz"));
        if (!Files.exists(data.gt()) || !Files.exists(data.predictions())) {
            long t0 = System.nanoTime();
            Files.createDirectories(work);
            generate(data.gt(), data.predictions(), n, seed);
            out.printf(Locale.ROOT, "generated %d heatmaps in %.1f s: %s (%d MB)%n", n, BenchScoreCommand.seconds(t0),
                    data.predictions(), Files.size(data.predictions()) >> 20);
            out.flush();
        }
        return data;
    }

    private static void generate(Path gt, Path pred, int n, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder json = new StringBuilder("[");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(pred), 1 << 20))) {
            zip.setMethod(ZipOutputStream.STORED);
            ByteArrayOutputStream buf = new ByteArrayOutputStream(Grid.PIXELS * 4 + 128);
            for (int i = 0; i < n; i++) {
                String id = String.format(Locale.ROOT, "bench%07d_%06d", i, rnd.nextInt(1000));
                json.append(i == 0 ? "\n" : ",\n").append(boxesJson(id, rnd));
                float[] map = new float[Grid.PIXELS];
                for (int j = 0; j < map.length; j++) {
                    map[j] = (float) rnd.nextDouble();
                }
                buf.reset();
                Npy.write(buf, new NpyArray(new int[] {Grid.SIZE, Grid.SIZE}, map));
                storeEntry(zip, id + ".npy", buf);
            }
        }
        Files.writeString(gt, json.append("\n]\n"));
    }

    /** VGG-SS layout: 1–3 normalised xyxy boxes. */
    private static String boxesJson(String id, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder("{\"file\": \"").append(id).append("\", \"class\": \"bench\", \"bbox\": [");
        int boxes = 1 + rnd.nextInt(3);
        for (int b = 0; b < boxes; b++) {
            double x0 = rnd.nextDouble() * 0.8;
            double y0 = rnd.nextDouble() * 0.8;
            double x1 = x0 + 0.05 + rnd.nextDouble() * (1 - x0 - 0.05);
            double y1 = y0 + 0.05 + rnd.nextDouble() * (1 - y0 - 0.05);
            sb.append(b == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%s, %s, %s, %s]", x0, y0, x1, y1));
        }
        return sb.append("]}").toString();
    }

    private static void storeEntry(ZipOutputStream zip, String name, ByteArrayOutputStream data) throws IOException {
        byte[] bytes = data.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Removes a throw-away benchmark directory and everything in it; absent is fine. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
