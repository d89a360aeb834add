package org.is3.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.is3.core.InputException;
import org.is3.core.shapes.Scene;
import org.is3.core.shapes.SceneGenerator;
import org.is3.core.shapes.ShapeCategory;
import org.is3.core.shapes.ShapesWorld;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.pipeline.broker.Broker;
import org.is3.pipeline.broker.BrokerConfig;
import org.is3.pipeline.generate.GeneratedImage;
import org.is3.pipeline.generate.Generator;
import org.is3.pipeline.generate.GeneratorFactory;
import org.is3.pipeline.generate.GeneratorRegistry;
import org.is3.pipeline.generate.ImageFiles;
import org.is3.pipeline.plan.CategorySource;
import org.is3.pipeline.plan.PlannedImage;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.store.ImageState;
import org.is3.pipeline.store.PipelineStore;
import org.is3.pipeline.store.RunCounts;
import org.is3.pipeline.store.StoredImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The plan and generate stages end to end, on a real embedded PostgreSQL and Artemis broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineRunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int SIZE = 96;

    @TempDir
    static Path home;

    private Database database;
    private Broker broker;
    private PipelineRunner runner;

    /** A generator that always fails, as a GPU out of memory would. */
    private static final class BrokenFactory implements GeneratorFactory {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public Generator create(RunConfig config) {
            return new Generator() {
                @Override
                public String name() {
                    return "broken";
                }

                @Override
                public String version() {
                    return "0";
                }

                @Override
                public GeneratedImage generate(PlannedImage image) {
                    throw new IllegalStateException("GPU on fire while drawing " + image.base());
                }
            };
        }
    }

    @BeforeAll
    void start() {
        database = Database.start(DatabaseConfig.embedded(home).withPort(0));
        broker = Broker.start(BrokerConfig.embedded(home));
        GeneratorRegistry registry = GeneratorRegistry.load().with(new BrokenFactory());
        runner = PipelineRunner.start(database, broker, home, registry,
                new PipelineOptions(1, 2, Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {runner, broker, database}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + c, e);
                }
            }
        }
    }

    private static RunConfig shapes(String name, int categories) {
        return RunConfig.of(name, 42, CategorySource.shapes(categories)).withImageSize(SIZE);
    }

    @Test
    void sixShapesImagesGoFromPlannedToGeneratedWithTheirFilesAndExactMasks() throws Exception {
        RunConfig config = shapes("six", 4);
        long run = runner.plan(config);
        assertTrue(runner.awaitIdle(run, WAIT), "run did not finish in " + WAIT);
        RunCounts counts = runner.counts(run);
        assertEquals(6, counts.total(), "4 categories -> 6 unordered pairs");
        assertEquals(6, counts.count(ImageState.GENERATED));

        Map<String, ShapeCategory> categories = new HashMap<>();
        ShapesWorld.categories(4, 42).forEach(c -> categories.put(c.name(), c));
        ImageFiles files = new ImageFiles(home, "six");
        for (StoredImage image : runner.images(run)) {
            PlannedImage p = image.planned();
            Scene expected = SceneGenerator.render(categories.get(p.c1()), categories.get(p.c2()), p.seed(),
                    SIZE, SIZE);
            assertEquals(home.relativize(files.image(p.base())).toString(), image.imagePath());
            assertArrayEquals(expected.rgb(), rgb(ImageIO.read(files.image(p.base()).toFile())), p.base());
            assertArrayEquals(expected.a().mask(), mask(files.mask(p.base(), p.c1())), p.base() + " mask c1");
            assertArrayEquals(expected.b().mask(), mask(files.mask(p.base(), p.c2())), p.base() + " mask c2");
            assertEquals("shapes", image.generator());
            assertEquals("1", image.generatorVersion());
            assertNotNull(image.timingMs());
            assertNull(image.error());
            JsonNode params = new ObjectMapper().readTree(image.params());
            assertEquals(p.seed(), params.get("seed").asLong());
            assertEquals(expected.spec().attempt(), params.get("attempt").asInt());
            assertEquals(expected.spec().placementA().centerX(), params.get("placementA").get("centerX").asDouble());
            assertEquals(expected.spec().background().kind().name(), params.get("background").get("kind").asText());
        }
    }

    @Test
    void planningAgainAndRedeliveringAMessageDuplicateNothing() throws Exception {
        RunConfig config = shapes("again", 3);
        long run = runner.plan(config);
        assertTrue(runner.awaitIdle(run, WAIT));
        StoredImage first = runner.images(run).get(0);
        Path file = new ImageFiles(home, "again").image(first.planned().base());
        Files.delete(file);

        assertEquals(run, runner.plan(config), "the same run is found again");
        sendDuplicate(run, first.planned().base());
        // One consumer takes messages in order: once this later run is done, so are the messages above.
        long marker = runner.plan(shapes("again-marker", 2));
        assertTrue(runner.awaitIdle(marker, WAIT));
        assertTrue(runner.awaitIdle(run, WAIT));

        assertEquals(3, runner.counts(run).total());
        assertEquals(3, runner.counts(run).count(ImageState.GENERATED));
        assertEquals(first, runner.images(run).get(0), "row untouched by the second plan and the redelivery");
        assertFalse(Files.exists(file), "a GENERATED image is not drawn again");

        InputException changed = assertThrows(InputException.class,
                () -> runner.plan(shapes("again", 3).withLimit(2)));
        assertTrue(changed.getMessage().contains("run 'again' already exists with another config"),
                changed.getMessage());
    }

    @Test
    void theEmbedStageCachesEachGeneratedImagesSamEmbeddingForTheAnnotator() throws Exception {
        Path sam = Path.of("../models/src/test/resources/fixtures/sam-tiny");
        long run = runner.plan(shapes("embedded", 3).withEmbedModelDir(sam));
        assertTrue(runner.awaitIdle(run, WAIT));
        assertEquals(3, runner.counts(run).count(ImageState.GENERATED), "they wait for people");
        Path cache = home.resolve("cache/sam");
        long deadline = System.nanoTime() + WAIT.toNanos();
        long cached = 0;
        while (System.nanoTime() < deadline && (cached = embeddings(cache)) < 3) {
            Thread.sleep(50);
        }
        assertEquals(3, cached, "one cached embedding per generated image");
        InputException missing = assertThrows(InputException.class,
                () -> runner.plan(shapes("no-sam", 3).withEmbedModelDir(home.resolve("nothing"))));
        assertTrue(missing.getMessage().contains("embed_model_dir"), missing.getMessage());
    }

    private static long embeddings(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return 0;
        }
        try (var files = Files.walk(cache)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ndlist")).count();
        }
    }

    @Test
    void aFailingGeneratorSendsTheMessageToTheDeadLetterQueueWithTheReason() throws Exception {
        long run = runner.plan(shapes("broken", 2).withGenerator("broken"));
        assertTrue(runner.awaitIdle(run, WAIT));
        StoredImage image = runner.images(run).get(0);
        String base = image.planned().base();
        assertEquals(ImageState.PLANNED, image.state());
        assertEquals("IllegalStateException: GPU on fire while drawing " + base, image.error());
        assertEquals(1, runner.counts(run).failed());

        try (Connection connection = broker.connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer dlq = session.createConsumer(session.createQueue(Broker.DEAD_LETTER_ADDRESS),
                    Queues.BASE_HEADER + " = '" + base + "'");
            Message dead = dlq.receive(WAIT.toMillis());
            assertNotNull(dead, "no message for " + base + " in the dead-letter queue");
            assertEquals(run, dead.getLongProperty(Queues.RUN_HEADER));
            assertEquals("IllegalStateException: GPU on fire while drawing " + base,
                    dead.getStringProperty(Queues.REASON_HEADER));
        }
        assertTrue(Files.notExists(new ImageFiles(home, "broken").image(base)));
    }

    @Test
    void anUnknownGeneratorOrAShapesRunWithoutShapesCategoriesIsRefusedBeforeAnythingIsStored() throws IOException {
        InputException unknown = assertThrows(InputException.class,
                () -> runner.plan(shapes("nope", 3).withGenerator("dalle")));
        assertTrue(unknown.getMessage().contains("generator 'dalle' is not available; available: [broken, sd, shapes]"),
                unknown.getMessage());
        Path classes = home.resolve("classes.txt");
        Files.write(classes, List.of("dog", "cat"));
        InputException notShapes = assertThrows(InputException.class,
                () -> runner.plan(RunConfig.of("dogs", 1, CategorySource.file(classes))));
        assertTrue(notShapes.getMessage().contains("categories: {shapes: N}"), notShapes.getMessage());
    }

    @Test
    void theStoreInsertsEachImageOnceAndTheSchemaRefusesAnUnknownState() throws Exception {
        PipelineStore store = new PipelineStore(database.dataSource());
        long run = store.createRun("store-only", 1, "name: store-only");
        assertEquals(run, store.createRun("store-only", 1, "name: store-only"));
        List<PlannedImage> images = List.of(new PlannedImage("a_b_0", "a", "b", "a and b", 5),
                new PlannedImage("b_c_1", "b", "c", "b and c", 6));
        assertEquals(2, store.insertPlanned(run, "shapes", images));
        assertEquals(0, store.insertPlanned(run, "shapes", images));
        assertEquals(2, store.counts(run).count(ImageState.PLANNED));
        assertTrue(store.markGenerated(run, "a_b_0", "1", "{\"k\": 1}", 3, "x.png"));
        assertFalse(store.markGenerated(run, "a_b_0", "1", "{}", 4, "y.png"), "only from PLANNED");
        assertEquals("x.png", store.image(run, "a_b_0").orElseThrow().imagePath());
        try (java.sql.Connection c = database.dataSource().getConnection();
             Statement s = c.createStatement()) {
            SQLException bad = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE pipeline_image SET state = 'LOST' WHERE base = 'b_c_1'"));
            assertTrue(bad.getMessage().contains("pipeline_image_state_check"), bad.getMessage());
        }
    }

    private void sendDuplicate(long run, String base) throws Exception {
        try (Connection connection = broker.connectionFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(GenerateRoute.QUEUE));
            Message m = session.createTextMessage(base);
            m.setLongProperty(Queues.RUN_HEADER, run);
            m.setStringProperty(Queues.BASE_HEADER, base);
            producer.send(m);
        }
    }

    private static int[] rgb(BufferedImage img) {
        int[] argb = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        for (int i = 0; i < argb.length; i++) {
            argb[i] &= 0xFFFFFF;
        }
        return argb;
    }

    private static boolean[] mask(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType(), png + " is 8-bit grey");
        int[] values = img.getRaster().getPixels(0, 0, img.getWidth(), img.getHeight(), (int[]) null);
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            assertTrue(values[i] == 0 || values[i] == 255, png + " is binary");
            out[i] = values[i] == 255;
        }
        return out;
    }
}
