package org.is3.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.gt.GroundTruthReaders;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.metrics.CIoU;
import org.is3.core.metrics.LocalizationMetrics;
import org.is3.core.metrics.LocalizationProtocol;
import org.is3.core.metrics.LocalizationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code is3 eval score} on real files, through the command line. */
class ScoreCommandTest {
    @TempDir
    Path dir;
    Path gt;
    Path pred;
    final SplittableRandom rnd = new SplittableRandom(11);
    static final List<String> IDS = List.of("accordion_baby_1_accordion", "accordion_baby_1_baby",
            "cat_drum_2_cat", "cat_drum_2_drum", "dog_piano_3_dog", "dog_piano_3_piano");

    record Run(int code, String out, String err) {
    }

    static Run is3(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void files() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < IDS.size(); i++) {
            int x = 10 + 30 * i;
            json.append(i == 0 ? "" : ",").append("{\"image\": \"/data/visual_frames/").append(IDS.get(i))
                    .append(".jpg\", \"audio\": \"/data/audio/").append(IDS.get(i)).append(".wav\", \"gt_box\": [")
                    .append(x).append(".0, 40.0, ").append(x + 60).append(".0, 150.0]}");
        }
        gt = dir.resolve("synthetic_bbox.json");
        Files.writeString(gt, json.append("]").toString());
        pred = Files.createDirectories(dir.resolve("pred"));
        for (String id : IDS) {
            Npy.write(pred.resolve(id + ".npy"), NpyArray.of(randomMap(), Grid.SIZE, Grid.SIZE));
        }
    }

    float[] randomMap() {
        float[] m = new float[Grid.PIXELS];
        int cx = rnd.nextInt(224);
        int cy = rnd.nextInt(224);
        for (int i = 0; i < m.length; i++) {
            int dx = i % 224 - cx;
            int dy = i / 224 - cy;
            m[i] = (float) (Math.exp(-(dx * dx + dy * dy) / 3000.0) + rnd.nextDouble() * 0.01);
        }
        return m;
    }

    @Test
    void jsonEqualsTheReferenceFaithfulMetricsOnTheSameFiles() throws IOException {
        Run run = is3("eval", "score", "--gt", gt.toString(), "--gt-format", "is3", "--pred", pred.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());

        GroundTruthSet truth = GroundTruthReaders.read(GroundTruthFormat.IS3, gt, null);
        LocalizationMetrics expected = new LocalizationMetrics();
        for (GroundTruth g : truth) {
            float[] map = Npy.read(pred.resolve(g.id() + ".npy")).data();
            expected.add(g.id(), CIoU.score(map, g.map(), LocalizationProtocol.SSLALIGN));
        }
        LocalizationResult r = expected.compute();
        assertEquals(6, json.get("n").asInt());
        assertEquals(3, json.get("n_groups").asInt());
        assertEquals(r.ciou(), json.get("ciou").asDouble(), 0.0);
        assertEquals(r.auc(), json.get("auc").asDouble(), 0.0);
        assertEquals(r.meanCiou(), json.get("mean_ciou").asDouble(), 0.0);
        assertEquals(r.ciouAdap(), json.get("ciou_adap").asDouble(), 0.0);
        assertEquals(r.aucAdap(), json.get("auc_adap").asDouble(), 0.0);
        assertEquals(r.meanCiouAdap(), json.get("mean_ciou_adap").asDouble(), 0.0);
        assertEquals(r.iiou(), json.get("iiou").asDouble(), 0.0);
        assertEquals(r.iiouAdap(), json.get("iiou_adap").asDouble(), 0.0);
        assertEquals(r.iauc(), json.get("iauc").asDouble(), 0.0);
        assertEquals(r.iaucAdap(), json.get("iauc_adap").asDouble(), 0.0);
        assertFalse(json.has("ap"), "no negatives, no extended metrics");
    }

    @Test
    void tableAndPerSampleFile() throws IOException {
        Path csv = dir.resolve("per-sample.csv");
        Run run = is3("eval", "score", "--gt", gt.toString(), "--gt-format", "is3", "--pred", pred.toString(),
                "--per-sample", csv.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("6 samples, 3 groups, protocol sslalign"), run.out());
        assertTrue(run.out().contains("adaptive"), run.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(7, rows.size());
        assertEquals("id,missing,ciou,ciou_adap", rows.get(0));
        assertTrue(rows.get(1).startsWith(IDS.get(0) + ",false,"), rows.get(1));
    }

    @Test
    void storedAndDeflatedArchivesGiveTheSameScoresAsTheDirectory() throws IOException {
        String fromDir = is3("eval", "score", "--gt", gt.toString(), "--gt-format", "is3", "--pred", pred.toString(), "--json").out();
        for (boolean stored : new boolean[] {true, false}) {
            Path archive = dir.resolve(stored ? "pred.npz" : "pred.zip");
            try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(archive))) {
                for (String id : IDS) {
                    byte[] bytes = Files.readAllBytes(pred.resolve(id + ".npy"));
                    var entry = new java.util.zip.ZipEntry("maps/" + id + ".npy");
                    if (stored) {
                        var crc = new java.util.zip.CRC32();
                        crc.update(bytes);
                        entry.setMethod(java.util.zip.ZipEntry.STORED);
                        entry.setSize(bytes.length);
                        entry.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(entry);
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
            Run run = is3("eval", "score", "--gt", gt.toString(), "--gt-format", "is3", "--pred", archive.toString(),
                    "--json", "--threads", "1");
            assertEquals(0, run.code(), run.err());
            assertEquals(fromDir, run.out(), archive.getFileName() + " scores like the directory");
        }
    }

    @Test
    void badSamplesAreAllNamedAndTheRunFails() throws IOException {
        Files.delete(pred.resolve(IDS.get(0) + ".npy"));
        Npy.write(pred.resolve(IDS.get(1) + ".npy"), NpyArray.of(new float[14 * 14], 14, 14));
        float[] nan = randomMap();
        nan[224 * 3 + 5] = Float.NaN;
        Npy.write(pred.resolve(IDS.get(2) + ".npy"), NpyArray.of(nan, 224, 224));
        Files.write(pred.resolve(IDS.get(3) + ".npy"), "not an npy file".getBytes(StandardCharsets.US_ASCII));
        Npy.write(pred.resolve("stranger_1_x.npy"), NpyArray.of(randomMap(), 224, 224));

        Run unknownAndMissing = is3("eval", "score", "--gt", gt.toString(), "--gt-format", "is3", "--pred", pred.toString());
        assertNotEquals(0, unknownAndMissing.code());
        assertTrue(unknownAndMissing.err().contains("stranger_1_x: not a sample of the ground truth"), unknownAndMissing.err());
        assertTrue(unknownAndMissing.err().contains(IDS.get(0) + ": no prediction"), unknownAndMissing.err());

        Files.delete(pred.resolve("stranger_1_x.npy"));
        Run bad = is3("eval", "score", "--gt", gt.toString(), "--gt-format", "is3", "--pred", pred.toString(), "--allow-missing");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("3 problems"), bad.err());
        assertTrue(bad.err().contains(IDS.get(1) + ": shape (14, 14), expected (224, 224)"), bad.err());
        assertTrue(bad.err().contains(IDS.get(2) + ": value NaN at row 3, column 5"), bad.err());
        assertTrue(bad.err().contains(IDS.get(3) + ": "), bad.err());
        assertEquals("", bad.out(), "nothing is printed as a result");
    }

    @Test
    void allowMissingScoresTheMissingAsFailures() throws IOException {
        Files.delete(pred.resolve(IDS.get(0) + ".npy"));
        Run run = is3("eval", "score", "--gt", gt.toString(), "--gt-format", "is3", "--pred", pred.toString(),
                "--json", "--allow-missing");
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(6, json.get("n").asInt());
        assertEquals(1, json.get("n_missing").asInt());
        assertEquals(0.0, json.get("iiou").asDouble() * 3 % 1, 1e-12, "groups of two: IIoU is k/3");
    }

    @Test
    void pickledArraysAreRefusedByName() throws IOException {
        // an object-dtype header as numpy writes it for np.save(allow_pickle=True) of a list
        String header = "{'descr': '|O', 'fortran_order': False, 'shape': (2,), }";
        byte[] h = (header + " ".repeat(118 - header.length() - 1) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[10 + h.length + 8];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length, 0};
        System.arraycopy(magic, 0, file, 0, 10);
        System.arraycopy(h, 0, file, 10, h.length);
        Files.write(pred.resolve(IDS.get(4) + ".npy"), file);
        Run run = is3("eval", "score", "--gt", gt.toString(), "--gt-format", "is3", "--pred", pred.toString());
        assertNotEquals(0, run.code());
        assertTrue(run.err().contains(IDS.get(4)), run.err());
        assertTrue(run.err().toLowerCase().contains("pickle") || run.err().toLowerCase().contains("object"), run.err());
    }

    @Test
    void usageErrorsAreClear() {
        Run noGt = is3("eval", "score", "--gt-format", "is3", "--pred", pred.toString());
        assertNotEquals(0, noGt.code());
        assertTrue(noGt.err().contains("--gt"), noGt.err());
        Run badFormat = is3("eval", "score", "--gt", gt.toString(), "--gt-format", "coco", "--pred", pred.toString());
        assertNotEquals(0, badFormat.code());
        assertTrue(badFormat.err().contains("coco") && badFormat.err().contains("vggss"), badFormat.err());
        Run extendedWithoutNegatives = is3("eval", "score", "--gt", gt.toString(), "--gt-format", "extended",
                "--pred", pred.toString());
        assertNotEquals(0, extendedWithoutNegatives.code());
        assertTrue(extendedWithoutNegatives.err().contains("negatives"), extendedWithoutNegatives.err());
        Run help = is3("eval", "score", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--allow-missing"), help.out());
    }
}
