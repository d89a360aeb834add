package org.is3.annotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.is3.annotator.auth.Role;
import org.is3.annotator.server.Fixture.Client;
import org.is3.annotator.server.Fixture.Reply;
import org.is3.core.shapes.WorldScene;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 clients pull verify tasks at once, each approving what it got, until the queue is empty:
 * every image is handed out exactly once (zero duplicates) and every image is verified (zero lost).
 * Then the same 50 annotate the approved images in parallel.
 */
class LeaseRaceTest {
    @TempDir
    static Path home;
    static Database db;
    static AnnotatorService service;
    static final int CLIENTS = 50;
    static final int IMAGES = 120;

    @BeforeAll
    static void start() {
        db = Database.start(DatabaseConfig.embedded(home).withPort(0).withPoolSize(20));
        service = AnnotatorService.start(AnnotatorConfig.defaults().withPort(0).withBcryptCost(4)
                .withQuality(1, 0.8, 0, 0), db.dataSource(), home);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void fiftyParallelClientsNeverShareATaskAndLoseNone() throws Exception {
        List<WorldScene> scenes = Fixture.images(db.dataSource(), home, "race", IMAGES, 64, "GENERATED");
        String base = "http://127.0.0.1:" + service.port();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(Fixture.client(base, db.dataSource(), "racer" + i, Role.ANNOTATOR));
        }
        List<Long> verified = race(clients, "verify", (c, t) -> c.post(ApiPaths.VERIFY.replace("{id}", t.get("id").asText()),
                Map.of("lease", t.get("lease").asText(), "decision", "approve")), 200);
        assertEquals(IMAGES, verified.size(), "every image verified once");
        assertEquals(IMAGES, new HashSet<>(verified).size(), "no task handed to two clients");
        assertEquals(Integer.toString(IMAGES), Fixture.scalar(db.dataSource(),
                "SELECT count(*) FROM pipeline_image WHERE state = 'APPROVED'"));
        assertEquals(Integer.toString(IMAGES), Fixture.scalar(db.dataSource(),
                "SELECT count(DISTINCT (run_id, base)) FROM annot_verification"));
        assertEquals(Integer.toString(IMAGES), Fixture.scalar(db.dataSource(), "SELECT count(*) FROM annot_verification"));

        Map<String, WorldScene> byCategories = new java.util.HashMap<>();
        scenes.forEach(s -> byCategories.put(s.scene().a().category().name() + "|" + s.scene().b().category().name(), s));
        List<Long> annotated = race(clients, "annotate", (c, t) -> {
            WorldScene s = byCategories.get(t.get("categories").get(0).asText() + "|" + t.get("categories").get(1).asText());
            return c.post(ApiPaths.SUBMIT.replace("{id}", t.get("id").asText()), AnnotatorApiTest.submit(t, s));
        }, 201);
        assertEquals(IMAGES, annotated.size());
        assertEquals(IMAGES, new HashSet<>(annotated).size());
        assertEquals(Integer.toString(IMAGES), Fixture.scalar(db.dataSource(),
                "SELECT count(*) FROM pipeline_image WHERE state = 'ANNOTATED'"));
        assertEquals(Integer.toString(2 * IMAGES), Fixture.scalar(db.dataSource(),
                "SELECT count(*) FROM image_object WHERE source = 'annotator'"));
    }

    interface Work {
        Reply finish(Client client, JsonNode task);
    }

    /** All clients start together, each pulls and finishes tasks until the queue answers 204; the finished task ids. */
    private static List<Long> race(List<Client> clients, String kind, Work work, int okStatus) throws Exception {
        List<Long> done = Collections.synchronizedList(new ArrayList<>());
        Set<String> errors = Collections.synchronizedSet(new HashSet<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Client c : clients) {
                futures.add(pool.submit(() -> {
                    go.await();
                    while (true) {
                        Reply next = c.get(ApiPaths.NEXT + "?kind=" + kind);
                        if (next.status() == 204) {
                            return null;
                        }
                        if (next.status() != 200) {
                            errors.add("pull " + next.status() + " " + next.error());
                            return null;
                        }
                        Reply r = work.finish(c, next.json());
                        if (r.status() != okStatus) {
                            errors.add("finish " + r.status() + " " + r.error());
                            return null;
                        }
                        done.add(next.json().get("id").asLong());
                    }
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(errors.isEmpty(), errors.toString());
        return done;
    }
}
