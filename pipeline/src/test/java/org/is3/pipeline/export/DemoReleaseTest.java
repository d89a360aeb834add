package org.is3.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.is3.core.InputException;
import org.is3.core.audio.Wav;
import org.is3.core.audio.Waveform;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.PredictionSource;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.gt.GroundTruthReaders;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.rle.CocoRle;
import org.is3.core.scoring.Progress;
import org.is3.core.scoring.ScoreOptions;
import org.is3.core.scoring.ScoreReport;
import org.is3.core.scoring.Scorer;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.pipeline.broker.Broker;
import org.is3.pipeline.broker.BrokerConfig;
import org.is3.pipeline.generate.GeneratorRegistry;
import org.is3.pipeline.plan.AudioConfig;
import org.is3.pipeline.plan.CategorySource;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.run.PipelineOptions;
import org.is3.pipeline.run.PipelineRunner;
import org.is3.pipeline.store.ImageState;
import org.is3.pipeline.store.ReleaseStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole machine flow on the real broker and PostgreSQL: a shapes run with auto-annotation and
 * synthetic audio goes PLANNED → ANNOTATED → PAIRED, is exported, and the release is checked file by
 * file and scored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoReleaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIZE = 128;
    private static final double SECONDS = 2.0;

    @TempDir
    static Path home;

    private Database database;
    private Broker broker;
    private PipelineRunner runner;
    private Path release;
    private ReleaseStore.Release written;
    private long runId;

    @BeforeAll
    void buildARelease() throws Exception {
        database = Database.start(DatabaseConfig.embedded(home).withPort(0));
        broker = Broker.start(BrokerConfig.embedded(home));
        runner = PipelineRunner.start(database, broker, home, GeneratorRegistry.load(),
                new PipelineOptions(2, 1, Duration.ofMillis(10), Duration.ofMillis(50)));
        RunConfig config = RunConfig.of("demo", 11, CategorySource.shapes(4)).withImageSize(SIZE)
                .withAutoAnnotate(true)
                .withAudio(new AudioConfig("shapes", null, null, AudioConfig.DEFAULT_PATTERN, SECONDS, 1.0));
        runId = runner.plan(config);
        assertTrue(runner.awaitIdle(runId, Duration.ofSeconds(60)), "run did not finish");
        assertEquals(6, runner.counts(runId).count(ImageState.PAIRED), runner.counts(runId).toString());
        release = home.resolve("releases/demo-v1");
        written = new ReleaseWriter(database.dataSource(), home).write("demo", release, Progress.NONE);
    }

    @AfterAll
    void stop() {
        runner.close();
        broker.close();
        database.close();
    }

    @Test
    void everyFileMatchesTheManifestAndTamperingIsFound() throws Exception {
        assertEquals(List.of(), ReleaseVerifier.verify(release));
        assertEquals(1, written.version());
        assertEquals(6, written.images());
        assertEquals(12, written.instances());
        assertEquals(ReleaseFiles.sha256(release.resolve("manifest.json")), written.manifestSha256());
        JsonNode manifest = JSON.readTree(release.resolve("manifest.json").toFile());
        assertEquals(6 + 12 * (2 + 4) + 6 , manifest.get("files").size(),
                "images, per instance a mask, a frame and 4 clips, 3 json, README and 2 plots");
        assertTrue(runner.images(runId).stream().allMatch(i -> i.state() == ImageState.RELEASED));
        Path copy = home.resolve("tampered");
        copyTree(release, copy);
        Path wav = Files.list(copy.resolve("audio")).sorted().findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(wav);
        bytes[bytes.length - 1] ^= 1;
        Files.write(wav, bytes);
        Files.writeString(copy.resolve("extra.txt"), "x");
        List<String> problems = ReleaseVerifier.verify(copy);
        assertEquals(List.of("audio/" + wav.getFileName() + ": SHA-256 differs from the manifest",
                "extra.txt: not in the manifest"), problems);
    }

    @Test
    void masksDecodeFromTheirRleToThePngsAndBoxesFollowTheMasks() throws Exception {
        JsonNode ann = JSON.readTree(release.resolve("annotations.json").toFile());
        assertEquals(6, ann.get("images").size());
        assertEquals(12, ann.get("annotations").size());
        for (JsonNode a : ann.get("annotations")) {
            JsonNode seg = a.get("segmentation");
            CocoRle rle = CocoRle.parse(seg.get("size").get(0).asInt(), seg.get("size").get(1).asInt(),
                    seg.get("counts").asText());
            BufferedImage png = ImageIO.read(release.resolve(a.get("mask_file").asText()).toFile());
            int[] values = png.getRaster().getPixels(0, 0, SIZE, SIZE, (int[]) null);
            boolean[] fromPng = new boolean[values.length];
            for (int i = 0; i < values.length; i++) {
                assertTrue(values[i] == 0 || values[i] == 255);
                fromPng[i] = values[i] == 255;
            }
            assertArrayEquals(rle.decode(), fromPng, a.get("instance").asText());
            double[] box = rle.bbox();
            for (int k = 0; k < 4; k++) {
                assertEquals((int) box[k], a.get("bbox").get(k).asInt());
            }
            assertEquals(rle.area(), a.get("area").asLong());
            assertTrue(rle.area() > 0, "every object is visible");
            assertEquals("auto", a.get("mask_source").asText());
        }
    }

    @Test
    void everyInstanceHasOnePositiveAndThreeNegativesWithTheirProperties() throws Exception {
        JsonNode manifest = JSON.readTree(release.resolve("manifest.json").toFile());
        int instances = 0;
        for (JsonNode img : manifest.get("images")) {
            assertTrue(img.get("auto_annotated").asBoolean());
            Set<String> inImage = Set.of(img.get("c1").asText(), img.get("c2").asText());
            for (JsonNode inst : img.get("instances")) {
                instances++;
                JsonNode audio = inst.get("audio");
                assertEquals(Set.of("positive", "silence", "noise", "offscreen"), fieldNames(audio));
                Waveform positive = wav(audio.get("positive"));
                assertEquals(Math.round(SECONDS * 16_000), positive.length());
                assertEquals(inst.get("category").asText(), audio.get("positive").get("category").asText());
                Waveform silence = wav(audio.get("silence"));
                assertEquals(positive.length(), silence.length());
                for (float s : silence.samples()) {
                    assertEquals(0f, s);
                }
                Waveform noise = wav(audio.get("noise"));
                assertEquals(positive.length(), noise.length());
                double mean = 0;
                int full = 0;
                for (float s : noise.samples()) {
                    mean += s;
                    full += Math.abs(s) >= 0.9999f ? 1 : 0;
                }
                mean /= noise.length();
                assertEquals(0, mean, 0.02, "noise is centred");
                assertEquals(0.317, (double) full / noise.length(), 0.02, "N(0,1) clipped: P(|z| > 1)");
                String offscreen = audio.get("offscreen").get("category").asText();
                assertFalse(inImage.contains(offscreen), offscreen + " is in " + inImage);
                assertTrue(wav(audio.get("offscreen")).length() > 0);
            }
        }
        assertEquals(12, instances);
    }

    @Test
    void theReleaseIsScoredAsIs3PlusAndItsSegmentationListReads() throws Exception {
        GroundTruthSet truth = GroundTruthReaders.read(GroundTruthFormat.IS3PLUS, release,
                GroundTruthReaders.Options.defaults());
        assertEquals(12 * 4, truth.size());
        Path pred = home.resolve("pred");
        Files.createDirectories(pred);
        float[] map = new float[224 * 224];
        for (int i = 0; i < map.length; i++) {
            int y = i / 224;
            int x = i % 224;
            map[i] = (float) Math.exp(-((x - 112) * (x - 112) + (y - 112) * (y - 112)) / 4000.0);
        }
        for (String id : truth.ids()) {
            Npy.write(pred.resolve(id + ".npy"), NpyArray.of(map, 224, 224));
        }
        ScoreReport report;
        try (PredictionSource source = PredictionSource.open(pred)) {
            report = new Scorer(ScoreOptions.defaults()).score(truth, source, Progress.NONE);
        }
        assertEquals(12, report.localization().n());
        assertEquals(36, report.negatives());
        GroundTruthSet seg = GroundTruthReaders.read(GroundTruthFormat.IS3_SEG,
                release.resolve("synthetic_seg.json"), GroundTruthReaders.Options.defaults());
        assertEquals(12, seg.size());
    }

    @Test
    void aSecondExportIsVersionTwoAndAnUsedDirectoryIsRefused() throws Exception {
        InputException used = assertThrows(InputException.class,
                () -> new ReleaseWriter(database.dataSource(), home).write("demo", release, Progress.NONE));
        assertTrue(used.getMessage().contains("exists and is not empty"), used.getMessage());
        InputException unknown = assertThrows(InputException.class,
                () -> new ReleaseWriter(database.dataSource(), home).write("nope", home.resolve("x"), Progress.NONE));
        assertTrue(unknown.getMessage().contains("no pipeline run named 'nope'"), unknown.getMessage());
        ReleaseStore.Release v2 = new ReleaseWriter(database.dataSource(), home)
                .write("demo", home.resolve("releases/demo-v2"), Progress.NONE);
        assertEquals(2, v2.version());
        assertEquals(List.of(), ReleaseVerifier.verify(home.resolve("releases/demo-v2")));
        assertNotEquals(written.manifestSha256(), v2.manifestSha256(), "the manifest names its version");
        try (var s = Files.list(home.resolve("releases"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".part-")), "no staging left");
        }
    }

    private Waveform wav(JsonNode entry) {
        return Wav.read(release.resolve(entry.get("file").asText()));
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> out = new HashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
