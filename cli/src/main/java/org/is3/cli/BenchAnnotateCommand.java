package org.is3.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.is3.annotator.auth.Account;
import org.is3.annotator.auth.Accounts;
import org.is3.annotator.auth.Credentials;
import org.is3.annotator.auth.Passwords;
import org.is3.annotator.auth.Role;
import org.is3.annotator.segment.ClickSimulator;
import org.is3.annotator.segment.Segmenter;
import org.is3.annotator.segment.SegmenterSettings;
import org.is3.annotator.segment.Segmenters;
import org.is3.annotator.server.AnnotatorConfig;
import org.is3.annotator.server.AnnotatorService;
import org.is3.core.rle.CocoRle;
import org.is3.core.shapes.SceneObject;
import org.is3.core.shapes.ShapesWorld;
import org.is3.core.shapes.WorldScene;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {"Measure the annotator: GrabCut mask-proposal latency (p50/p95) on shapes-world scenes at",
            "512×512 and 1024×1024, clicked by a simulated annotator; then API latency (p50/p95 of tasks/next and",
            "submit) under N concurrent simulated annotators on loopback, on a throw-away embedded database."})
final class BenchAnnotateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--scenes", defaultValue = "8", description = "Scenes per size for GrabCut (default ${DEFAULT-VALUE}).")
    int scenes;

    @Option(names = "--clicks", defaultValue = "3", description = "Clicks per object (default ${DEFAULT-VALUE}).")
    int clicks;

    @Option(names = "--annotators", defaultValue = "100", description = "Concurrent simulated annotators (default ${DEFAULT-VALUE}).")
    int annotators;

    @Option(names = "--seconds", defaultValue = "20", description = "How long they work (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--images", defaultValue = "10000",
            description = "APPROVED images in the queue at the start (default ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--dir", defaultValue = "${java.io.tmpdir}/is3-bench", paramLabel = "DIR",
            description = "Where the throw-away home goes (default ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // one log line per submitted task would drown the figures (simplelogger reads this per logger)
        System.setProperty("org.slf4j.simpleLogger.log.org.is3.annotator", "warn");
        try (Segmenter grabcut = Segmenters.create("grabcut", new SegmenterSettings(dir, Map.of()))) {
            for (int size : new int[] {512, 1024}) {
                grabCut(out, grabcut, size);
            }
        }
        api(out);
        return 0;
    }

    private void grabCut(PrintWriter out, Segmenter grabcut, int size) {
        ShapesWorld world = ShapesWorld.of(12, 7).withSize(size, size);
        List<Long> nanos = new ArrayList<>();
        List<Double> finalIous = new ArrayList<>();
        ClickSimulator.run(grabcut, world.scene(99, 7).scene().image(), world.scene(99, 7).scene().a().mask(), 1, 2,
                Optional.empty()); // warm-up: native libraries, JIT
        for (int i = 0; i < scenes; i++) {
            WorldScene ws = world.scene(i, 7);
            for (SceneObject o : List.of(ws.scene().a(), ws.scene().b())) {
                ClickSimulator.Outcome r = ClickSimulator.run(grabcut, ws.scene().image(), o.mask(), clicks, 2,
                        Optional.empty());
                nanos.addAll(r.latencyNanos());
                finalIous.add(r.iou());
            }
        }
        Collections.sort(finalIous);
        out.printf(Locale.ROOT, "grabcut %4d×%-4d  %3d proposals: p50 %6.1f ms  p95 %6.1f ms   (IoU after %d clicks:"
                        + " median %.3f, min %.3f)%n", size, size, nanos.size(), percentile(nanos, 50) / 1e6,
                percentile(nanos, 95) / 1e6, clicks, finalIous.get(finalIous.size() / 2), finalIous.get(0));
        out.flush();
    }

    private void api(PrintWriter out) throws Exception {
        Files.createDirectories(dir);
        Path home = Files.createTempDirectory(dir, "annotate-home-");
        try (Database db = Database.start(DatabaseConfig.embedded(home).withPort(0).withPoolSize(32));
             AnnotatorService service = AnnotatorService.start(AnnotatorConfig.defaults().withPort(0).withBcryptCost(4)
                     .withQuality(1, 0.8, 0, 0), db.dataSource(), home)) {
            WorldScene scene = ShapesWorld.of(12, 7).withSize(512, 512).scene(0, 7);
            seed(db.dataSource(), home, scene, images);
            List<String> tokens = tokens(db.dataSource());
            String body = JSON.writeValueAsString(Map.of("objects", List.of(object(scene.scene().a()),
                    object(scene.scene().b()))));
            String base = "http://127.0.0.1:" + service.port();
            List<Long> next = Collections.synchronizedList(new ArrayList<>());
            List<Long> submit = Collections.synchronizedList(new ArrayList<>());
            List<String> errors = Collections.synchronizedList(new ArrayList<>());
            long wall = work(base, tokens, body, next, submit, errors);
            out.printf(Locale.ROOT, "api, %d concurrent annotators on loopback, %.1f s: %d tasks submitted (%.0f/s)%n",
                    annotators, wall / 1e9, submit.size(), submit.size() / (wall / 1e9));
            out.printf(Locale.ROOT, "  GET  tasks/next   p50 %6.1f ms  p95 %6.1f ms  (%d calls)%n",
                    percentile(next, 50) / 1e6, percentile(next, 95) / 1e6, next.size());
            out.printf(Locale.ROOT, "  POST tasks/submit p50 %6.1f ms  p95 %6.1f ms  (%d calls)%n",
                    percentile(submit, 50) / 1e6, percentile(submit, 95) / 1e6, submit.size());
            if (!errors.isEmpty()) {
                out.println("  errors: " + errors.size() + ", first: " + errors.get(0));
            }
            out.flush();
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private long work(String base, List<String> tokens, String objects, List<Long> next, List<Long> submit,
                      List<String> errors) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CountDownLatch go = new CountDownLatch(1);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(annotators);
        long t0;
        try {
            List<Future<?>> all = new ArrayList<>();
            for (String token : tokens) {
                all.add(pool.submit(() -> {
                    go.await();
                    while (System.nanoTime() < deadline) {
                        long a = System.nanoTime();
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks/next?kind=annotate"))
                                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                        next.add(System.nanoTime() - a);
                        if (r.statusCode() != 200) {
                            errors.add("next " + r.statusCode() + " " + r.body());
                            return null;
                        }
                        JsonNode task = JSON.readTree(r.body());
                        String body = "{\"lease\": \"" + task.get("lease").asText() + "\", " + objects.substring(1);
                        long b = System.nanoTime();
                        HttpResponse<String> s = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks/"
                                        + task.get("id").asText() + "/submit")).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        submit.add(System.nanoTime() - b);
                        if (s.statusCode() != 201) {
                            errors.add("submit " + s.statusCode() + " " + s.body());
                        }
                    }
                    return null;
                }));
            }
            t0 = System.nanoTime();
            go.countDown();
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return System.nanoTime() - t0;
    }

    /** {@code n} APPROVED images of one run, all showing the same scene (one PNG), as the pipeline leaves them. */
    private static void seed(DataSource ds, Path home, WorldScene scene, int n) throws Exception {
        Path png = Files.createDirectories(home.resolve("runs/bench/images")).resolve("scene.png");
        ImageIO.write(scene.scene().image(), "png", png.toFile());
        String c1 = scene.scene().a().category().name();
        String c2 = scene.scene().b().category().name();
        try (Connection c = ds.getConnection()) {
            long run;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pipeline_run (name, config, seed) VALUES"
                    + " ('bench', '', 7) RETURNING id"); ResultSet r = s.executeQuery()) {
                r.next();
                run = r.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pipeline_image (run_id, base, c1, c2, prompt, seed,"
                    + " state, generator, image_path) SELECT ?, ? || '_' || i, ?, ?, ?, i, 'APPROVED', 'shapes', ?"
                    + " FROM generate_series(0, ? - 1) AS i")) {
                s.setLong(1, run);
                s.setString(2, c1 + "_" + c2);
                s.setString(3, c1);
                s.setString(4, c2);
                s.setString(5, "a photo of a " + c1 + " and " + c2);
                s.setString(6, home.relativize(png).toString());
                s.setInt(7, n);
                s.executeUpdate();
            }
        }
    }

    private List<String> tokens(DataSource ds) {
        Accounts accounts = new Accounts(ds, new Passwords(4));
        Credentials credentials = new Credentials(ds);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < annotators; i++) {
            Account a = accounts.create("bench" + i, Role.ANNOTATOR, Passwords.generate());
            tokens.add(credentials.issueToken(a));
        }
        return tokens;
    }

    private static Map<String, Object> object(SceneObject o) {
        return Map.of("category", o.category().name(), "mask", Map.of("size", List.of(o.height(), o.width()),
                "counts", CocoRle.encode(o.mask(), o.height(), o.width()).counts()));
    }

    private static double percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
