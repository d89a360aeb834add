package org.is3.pipeline.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.is3.core.InputException;
import org.is3.core.audio.Wav;
import org.is3.core.audio.Waveform;
import org.is3.core.rle.CocoRle;
import org.is3.core.scoring.Progress;
import org.is3.core.shapes.Scene;
import org.is3.core.shapes.SceneGenerator;
import org.is3.core.shapes.ShapeCategory;
import org.is3.core.shapes.ShapesWorld;
import org.is3.core.shapes.SoundSignature;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.pipeline.broker.Broker;
import org.is3.pipeline.broker.BrokerConfig;
import org.is3.pipeline.export.ReleaseVerifier;
import org.is3.pipeline.export.ReleaseWriter;
import org.is3.pipeline.generate.GeneratorRegistry;
import org.is3.pipeline.run.PipelineOptions;
import org.is3.pipeline.run.PipelineRunner;
import org.is3.pipeline.store.ImageState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** An IS3-layout directory (made here from the shapes world) imported, paired with negatives and released. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Is3ImporterTest {

    private static final int SIZE = 96;

    @TempDir
    static Path home;

    private Database database;
    private Broker broker;
    private PipelineRunner runner;
    private Path is3;
    private final List<String[]> pairs = List.of(new String[] {"0", "1"}, new String[] {"2", "3"},
            new String[] {"1", "3"});

    @BeforeAll
    void start() throws Exception {
        database = Database.start(DatabaseConfig.embedded(home).withPort(0));
        broker = Broker.start(BrokerConfig.embedded(home));
        runner = PipelineRunner.start(database, broker, home, GeneratorRegistry.load(),
                new PipelineOptions(1, 1, Duration.ofMillis(10), Duration.ofMillis(50)));
        is3 = fakeIs3(home.resolve("IS3"));
    }

    @AfterAll
    void stop() {
        runner.close();
        broker.close();
        database.close();
    }

    @Test
    void anImportedIs3IsPairedWithNegativesAndReleasedKeepingItsOwnClipsAndMasks() throws Exception {
        Is3Importer importer = new Is3Importer(database.dataSource(), home);
        Is3Importer.Result r = importer.importDir(is3, "is3-import", 5, Progress.NONE);
        assertEquals(3, r.images());
        assertEquals(6, r.instances());
        assertEquals(3, r.newImages());
        assertEquals(0, importer.importDir(is3, "is3-import", 5, Progress.NONE).newImages(), "idempotent");
        assertTrue(runner.awaitIdle(r.runId(), Duration.ofSeconds(60)));
        assertEquals(3, runner.counts(r.runId()).count(ImageState.PAIRED), runner.counts(r.runId()).toString());

        Path release = home.resolve("is3plus");
        new ReleaseWriter(database.dataSource(), home).write("is3-import", release, Progress.NONE);
        assertEquals(List.of(), ReleaseVerifier.verify(release));
        JsonNode manifest = new ObjectMapper().readTree(release.resolve("manifest.json").toFile());
        int instances = 0;
        for (JsonNode img : manifest.get("images")) {
            Set<String> inImage = Set.of(img.get("c1").asText(), img.get("c2").asText());
            for (JsonNode inst : img.get("instances")) {
                instances++;
                String id = inst.get("id").asText();
                assertEquals("import", inst.get("mask_source").asText());
                Waveform own = Wav.read(is3.resolve("audio_wav/" + id + ".wav"));
                Waveform released = Wav.read(release.resolve(inst.get("audio").get("positive").get("file").asText()));
                assertArrayEquals(own.samples(), released.samples(), id + " keeps its own clip");
                String off = inst.get("audio").get("offscreen").get("category").asText();
                assertFalse(inImage.contains(off), off + " is in " + inImage);
                BufferedImage a = ImageIO.read(is3.resolve("gt_segmentation/" + id + ".png").toFile());
                BufferedImage b = ImageIO.read(release.resolve("masks/" + id + ".png").toFile());
                assertArrayEquals(a.getRaster().getPixels(0, 0, SIZE, SIZE, (int[]) null),
                        b.getRaster().getPixels(0, 0, SIZE, SIZE, (int[]) null), id);
            }
        }
        assertEquals(6, instances);
    }

    @Test
    void aDirectoryThatIsNotIs3IsRefusedByName() throws Exception {
        Path empty = Files.createDirectories(home.resolve("not-is3/images"));
        InputException e = assertThrows(InputException.class, () -> new Is3Importer(database.dataSource(), home)
                .importDir(empty.getParent(), "bad", 1, Progress.NONE));
        assertTrue(e.getMessage().contains("gt_segmentation/ is missing"), e.getMessage());
    }

    @Test
    void theOtherCategoryOfAOneInstanceImageComesFromItsBase() {
        assertEquals("baby", Is3Importer.otherCategory("accordion_baby_10467", "accordion"));
        assertEquals("accordion", Is3Importer.otherCategory("accordion_baby", "baby"));
    }

    /** images/<instance>.jpg, gt_segmentation/<instance>.png, audio_wav/<instance>.wav as IS3 lays them out. */
    private Path fakeIs3(Path dir) throws Exception {
        List<ShapeCategory> cats = ShapesWorld.categories(4, 3);
        int n = 100;
        for (String[] p : pairs) {
            ShapeCategory a = cats.get(Integer.parseInt(p[0]));
            ShapeCategory b = cats.get(Integer.parseInt(p[1]));
            Scene scene = SceneGenerator.render(a, b, n, SIZE, SIZE);
            String base = a.name() + "_" + b.name() + "_" + n++;
            for (Object[] obj : new Object[][] {{a, scene.a().mask()}, {b, scene.b().mask()}}) {
                ShapeCategory c = (ShapeCategory) obj[0];
                String id = base + "_" + c.name();
                Files.createDirectories(dir.resolve("images"));
                ImageIO.write(scene.image(), "jpg", dir.resolve("images/" + id + ".jpg").toFile());
                boolean[] m = (boolean[]) obj[1];
                BufferedImage mask = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
                for (int i = 0; i < m.length; i++) {
                    mask.getRaster().setSample(i % SIZE, i / SIZE, 0, m[i] ? 255 : 0);
                }
                Files.createDirectories(dir.resolve("gt_segmentation"));
                ImageIO.write(mask, "png", dir.resolve("gt_segmentation/" + id + ".png").toFile());
                Files.createDirectories(dir.resolve("audio_wav"));
                Wav.write(dir.resolve("audio_wav/" + id + ".wav"),
                        new Waveform(SoundSignature.synthesize(c, n, 1.0, 16_000), 16_000));
                assertTrue(CocoRle.encode(m, SIZE, SIZE).area() > 0);
            }
        }
        return dir;
    }
}
