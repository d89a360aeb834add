package org.is3.cli;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.PredictionSource;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.gt.GroundTruthReaders;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.scoring.Progress;
import org.is3.core.scoring.ScoreOptions;
import org.is3.core.scoring.ScoreReport;
import org.is3.core.scoring.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Measure the end-to-end scorer on N random 224×224 heatmaps with VGG-SS-style box GT.",
            "Writes <dir>/gt.json and <dir>/pred.npz (uncompressed, ~200 KB a map) once, then scores them",
            "in this JVM and prints heatmaps per second. For the figure with JVM start included, time",
            "the ./is3 eval score command it prints."})
final class BenchScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--n", defaultValue = "5000", description = "Number of heatmaps (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--dir", defaultValue = "${java.io.tmpdir}/is3-bench", paramLabel = "DIR",
            description = "Where the generated files go (default ${DEFAULT-VALUE}); reused when present.")
    Path dir;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the generator (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--runs", defaultValue = "3", description = "Timed scoring runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--threads", paramLabel = "N", description = "Scoring threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path work = dir.resolve("n" + n + "-seed" + seed);
        Path gt = work.resolve("gt.json");
        Path pred = work.resolve("pred.npz");
        if (!Files.exists(gt) || !Files.exists(pred)) {
            long t0 = System.nanoTime();
            Files.createDirectories(work);
            generate(gt, pred);
            out.printf(Locale.ROOT, "generated %d heatmaps in %.1f s: %s (%d MB)%n", n, seconds(t0), pred,
                    Files.size(pred) >> 20);
        }
        ScoreOptions options = ScoreOptions.defaults();
        if (threads != null) {
            options = options.withThreads(threads);
        }
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            GroundTruthSet truth = GroundTruthReaders.read(GroundTruthFormat.VGGSS, gt,
                    GroundTruthReaders.Options.defaults());
            double gtSeconds = seconds(t0);
            ScoreReport report;
            try (PredictionSource source = PredictionSource.open(pred)) {
                report = new Scorer(options).score(truth, source, Progress.NONE);
            }
            double total = seconds(t0);
            out.printf(Locale.ROOT, "run %d: %d heatmaps in %.3f s (GT %.3f s) → %.0f heatmaps/s   [cIoU %.4f]%n",
                    run, report.samples().size(), total, gtSeconds, report.samples().size() / total,
                    report.localization().ciou());
        }
        out.printf("end to end with JVM start: time ./is3 eval score --gt %s --gt-format vggss --pred %s --json%n",
                gt, pred);
        out.println("reference (metrics.md, 'Reference speed'): ~750 heatmaps/s for the metrics, ~500/s with GT rasterisation");
        return 0;
    }

    private void generate(Path gt, Path pred) throws IOException {
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

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

}
