package org.is3.annotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Honeypots mixed into annotate pulls: they look like any task, their submits answer the same,
 * each is scored against its known mask, and only an admin sees the scores.
 */
class HoneypotTest {
    @TempDir
    static Path home;
    static Database db;
    static AnnotatorService service;
    static final int SIZE = 128;
    static final int HONEYPOTS = 4;

    @BeforeAll
    static void start() {
        db = Database.start(DatabaseConfig.embedded(home).withPort(0));
        service = AnnotatorService.start(AnnotatorConfig.defaults().withPort(0).withBcryptCost(4).withHoneypotSize(SIZE)
                .withQuality(1, 0.8, 0.5, HONEYPOTS), db.dataSource(), home);
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
    void honeypotsLookLikeTasksAreScoredAndOnlyAdminsSeeTheScores() throws Exception {
        String base = "http://127.0.0.1:" + service.port();
        Client ann = Fixture.client(base, db.dataSource(), "worker", Role.ANNOTATOR);
        Client admin = Fixture.client(base, db.dataSource(), "boss", Role.ADMIN);
        List<WorldScene> scenes = Fixture.images(db.dataSource(), home, "hp-run", 20, SIZE, "APPROVED");
        Map<String, WorldScene> byCategories = new HashMap<>();
        scenes.forEach(s -> byCategories.put(s.scene().a().category().name() + "|" + s.scene().b().category().name(), s));

        Set<String> honeypotShapes = new TreeSet<>();
        Set<String> realShapes = new TreeSet<>();
        int honeypots = 0;
        while (true) {
            Reply next = ann.get(ApiPaths.NEXT + "?kind=annotate");
            if (next.status() == 204) {
                break;
            }
            JsonNode t = next.json();
            boolean honeypot = Fixture.scalar(db.dataSource(), "SELECT honeypot_id IS NOT NULL FROM annot_task WHERE id = ?",
                    t.get("id").asLong()).equals("t");
            (honeypot ? honeypotShapes : realShapes).add(shape(t));
            Map<String, Object> body = honeypot ? knownMasks(t) : AnnotatorApiTest.submit(t,
                    byCategories.get(t.get("categories").get(0).asText() + "|" + t.get("categories").get(1).asText()));
            Reply r = ann.post(AnnotatorApiTest.path(ApiPaths.SUBMIT, t), body);
            assertEquals(201, r.status(), r.error());
            assertEquals(Set.of("id", "submissions"), fields(r.json()), "a submit answers the same either way");
            honeypots += honeypot ? 1 : 0;
        }
        assertTrue(honeypots > 0 && honeypots <= HONEYPOTS, honeypots + " honeypots served");
        assertEquals(realShapes, honeypotShapes, "honeypot tasks have the same fields, image url form and size");
        assertEquals("20", Fixture.scalar(db.dataSource(), "SELECT count(*) FROM pipeline_image WHERE state = 'ANNOTATED'"));

        assertEquals(403, ann.get(ApiPaths.STATS).status());
        JsonNode stats = admin.get(ApiPaths.STATS).json();
        JsonNode worker = null;
        for (JsonNode row : stats.get("annotators")) {
            worker = row.get("name").asText().equals("worker") ? row : worker;
        }
        assertEquals(2 * honeypots, worker.get("honeypot_objects").asInt());
        assertEquals(1.0, worker.get("honeypot_mean_iou").asDouble(), 1e-12);
        assertEquals(1.0, worker.get("honeypot_pass_rate").asDouble(), 1e-12);
        assertEquals(20, worker.get("submitted_tasks").asInt() - honeypots);
        assertEquals(40, worker.get("accepted_objects").asInt());
    }

    private static Map<String, Object> knownMasks(JsonNode t) throws Exception {
        String c1 = t.get("categories").get(0).asText();
        String c2 = t.get("categories").get(1).asText();
        String sql = "SELECT mask_c%d FROM annot_honeypot h JOIN annot_task t ON t.honeypot_id = h.id WHERE t.id = ?";
        List<Map<String, Object>> objects = new ArrayList<>();
        objects.add(Map.of("category", c1, "mask", Map.of("size", List.of(SIZE, SIZE), "counts",
                Fixture.scalar(db.dataSource(), sql.formatted(1), t.get("id").asLong()))));
        objects.add(Map.of("category", c2, "mask", Map.of("size", List.of(SIZE, SIZE), "counts",
                Fixture.scalar(db.dataSource(), sql.formatted(2), t.get("id").asLong()))));
        return Map.of("lease", t.get("lease").asText(), "objects", objects);
    }

    /** What a client can see of a task, ids and values aside. */
    private static String shape(JsonNode t) {
        return fields(t) + " image=" + t.get("image").asText().replaceAll("\\d+", "N") + " " + t.get("width") + "x"
                + t.get("height") + " lease=" + t.get("lease_seconds");
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> names = new TreeSet<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
