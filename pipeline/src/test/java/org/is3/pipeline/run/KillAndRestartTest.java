package org.is3.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.pipeline.broker.Broker;
import org.is3.pipeline.broker.BrokerConfig;
import org.is3.pipeline.generate.GeneratorRegistry;
import org.is3.pipeline.plan.DemoRun;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.store.ImageState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline process killed with SIGKILL in the middle of a run, then the run started again on the
 * same home: it completes, and no image, object or clip exists twice.
 */
class KillAndRestartTest {

    private static final int IMAGES = 24;

    @TempDir
    Path home;

    @Test
    void aRunKilledMidwayCompletesOnRestartWithoutDuplicates() throws Exception {
        RunConfig config = DemoRun.config(IMAGES, 3, PipelineProcess.SIZE, true, PipelineProcess.SECONDS);
        Path images = home.resolve("runs").resolve(config.name()).resolve("images");
        Process child = start();
        try {
            awaitLine(child, "PLANNED");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (count(images) < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(count(images) >= 4, "the child generated nothing in time");
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        int before = count(images);
        assertTrue(before < IMAGES, "killed too late to test a restart: " + before + " images done");

        try (Database db = Database.start(DatabaseConfig.embedded(home).withPort(0));
             Broker broker = Broker.start(BrokerConfig.embedded(home));
             PipelineRunner runner = PipelineRunner.start(db, broker, home, GeneratorRegistry.load(),
                     new PipelineOptions(1, 3, Duration.ofMillis(10), Duration.ofMillis(50)))) {
            long run = runner.plan(config);
            assertTrue(runner.awaitIdle(run, Duration.ofSeconds(120)), "restarted run did not finish");
            assertEquals(IMAGES, runner.counts(run).count(ImageState.PAIRED), runner.counts(run).toString());
            assertEquals(IMAGES, runner.counts(run).total());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertEquals(IMAGES * 2, single(s, "SELECT count(*) FROM image_object"));
                assertEquals(IMAGES * 2 * 4, single(s, "SELECT count(*) FROM pipeline_audio"));
                assertEquals(IMAGES * 2 * 4, single(s, "SELECT count(DISTINCT path) FROM pipeline_audio"));
                assertEquals(1, single(s, "SELECT count(*) FROM pipeline_run"));
            }
        }
        assertEquals(IMAGES, count(images), "one file per image");
    }

    private Process start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.jboss.logging.provider=slf4j", PipelineProcess.class.getName(), home.toString(),
                Integer.toString(IMAGES))
                .redirectErrorStream(true)
                .start();
    }

    private static void awaitLine(Process p, String line) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String l;
        while ((l = r.readLine()) != null) {
            if (l.equals(line)) {
                Thread drain = new Thread(() -> {
                    try {
                        r.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException e) {
                        // the child was killed
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("child exited before printing " + line + " (exit " + p.waitFor() + ")");
    }

    private static int count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".png")).count();
        }
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
