package org.is3.annotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.is3.annotator.auth.Role;
import org.is3.annotator.server.Fixture.Client;
import org.is3.annotator.server.Fixture.Reply;
import org.is3.core.rle.CocoRle;
import org.is3.core.shapes.SceneObject;
import org.is3.core.shapes.WorldScene;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotator API over real HTTP and a real embedded PostgreSQL (k = 1, no honeypots): the
 * verify and annotate flows as the pipeline contract states them, and hostile requests that must
 * each get a clear 4xx while the server stays healthy.
 */
class AnnotatorApiTest {
    @TempDir
    static Path home;
    static Database db;
    static AnnotatorService service;
    static String base;
    static Client ann;
    static Client other;
    static final int SIZE = 256;

    @BeforeAll
    static void start() {
        db = Database.start(DatabaseConfig.embedded(home).withPort(0));
        service = AnnotatorService.start(AnnotatorConfig.defaults().withPort(0).withBcryptCost(4)
                .withQuality(1, 0.8, 0, 0), db.dataSource(), home);
        base = "http://127.0.0.1:" + service.port();
        ann = Fixture.client(base, db.dataSource(), "ann", Role.ANNOTATOR);
        other = Fixture.client(base, db.dataSource(), "other", Role.ANNOTATOR);
    }

    /** Every test starts with empty queues: images of earlier tests leave them. */
    @BeforeEach
    void parkEarlierImages() throws Exception {
        Fixture.update(db.dataSource(), "UPDATE pipeline_image SET state = 'RELEASED' WHERE state IN ('GENERATED', 'APPROVED')");
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
    void approveAndRejectMoveTheImageFromGeneratedOnlyAndRecordWhoAndWhy() throws Exception {
        List<WorldScene> scenes = Fixture.images(db.dataSource(), home, "verify-run", 2, SIZE, "GENERATED");
        JsonNode t1 = ann.get(ApiPaths.NEXT + "?kind=verify").json();
        assertEquals("verify", t1.get("kind").asText());
        assertEquals(SIZE, t1.get("width").asInt());
        assertEquals(200, ann.send(ann.request(t1.get("image").asText()).GET()).status());
        Reply approved = ann.post(path(ApiPaths.VERIFY, t1), Map.of("lease", lease(t1), "decision", "approve"));
        assertEquals(200, approved.status(), approved.error());
        JsonNode t2 = ann.get(ApiPaths.NEXT + "?kind=verify").json();
        assertNotEquals(t1.get("id").asLong(), t2.get("id").asLong());
        String script = "<script>alert('x')</script> only one object";
        Reply rejected = ann.post(path(ApiPaths.VERIFY, t2), Map.of("lease", lease(t2), "decision", "reject", "reason", script));
        assertEquals(200, rejected.status(), rejected.error());

        assertEquals(204, ann.get(ApiPaths.NEXT + "?kind=verify").status());
        String states = Fixture.scalar(db.dataSource(), "SELECT string_agg(state || ':' || coalesce(verified_by, '-') || ':'"
                + " || coalesce(reject_reason, '-'), ',' ORDER BY state) FROM pipeline_image p JOIN pipeline_run r ON r.id = p.run_id"
                + " WHERE r.name = 'verify-run'");
        assertEquals("APPROVED:ann:-,REJECTED:ann:" + script, states);
        assertEquals(2, scenes.size());
        // a replay of the approval is refused, and the image stays as it was
        Reply replay = ann.post(path(ApiPaths.VERIFY, t1), Map.of("lease", lease(t1), "decision", "reject", "reason", "x"));
        assertEquals(409, replay.status(), replay.error());
        assertEquals("2", Fixture.scalar(db.dataSource(), "SELECT count(*) FROM annot_verification v JOIN pipeline_run r"
                + " ON r.id = v.run_id WHERE r.name = 'verify-run'"));
    }

    @Test
    void annotatingBothObjectsAcceptsTheMasksAndMovesTheImageToAnnotated() throws Exception {
        WorldScene scene = Fixture.images(db.dataSource(), home, "annotate-run", 1, SIZE, "APPROVED").get(0);
        JsonNode task = ann.get(ApiPaths.NEXT + "?kind=annotate").json();
        assertEquals(List.of(scene.scene().a().category().name(), scene.scene().b().category().name()),
                List.of(task.get("categories").get(0).asText(), task.get("categories").get(1).asText()));
        int[] in = interior(scene.scene().a());
        Reply proposal = ann.post(path(ApiPaths.PROPOSE, task), Map.of("category", scene.scene().a().category().name(),
                "clicks", List.of(Map.of("x", in[0], "y", in[1], "positive", true))));
        assertEquals(200, proposal.status(), proposal.error());
        CocoRle proposed = CocoRle.parse(SIZE, SIZE, proposal.json().get("mask").get("counts").asText());
        assertTrue(proposed.decode()[in[1] * SIZE + in[0]]);
        assertTrue(proposal.json().get("latency_ms").asDouble() > 0);
        assertEquals("grabcut", proposal.json().get("segmenter").asText());

        Reply submitted = ann.post(path(ApiPaths.SUBMIT, task), submit(task, scene));
        assertEquals(201, submitted.status(), submitted.error());
        long firstSubmission = submitted.json().get("submissions").get(0).asLong();
        assertEquals("ANNOTATED", Fixture.scalar(db.dataSource(), "SELECT state FROM pipeline_image WHERE base = ?",
                scene.base()));
        CocoRle exactA = CocoRle.encode(scene.scene().a().mask(), SIZE, SIZE);
        double[] box = exactA.bbox();
        assertEquals("annotator|" + firstSubmission + "|ann|" + exactA.counts() + "|" + (int) box[0] + "," + (int) box[1]
                        + "," + (int) box[2] + "," + (int) box[3] + "|" + exactA.area(),
                Fixture.scalar(db.dataSource(), "SELECT source || '|' || annotation_ref || '|' || accepted_by || '|' || mask_rle"
                        + " || '|' || box_x || ',' || box_y || ',' || box_w || ',' || box_h || '|' || area FROM image_object"
                        + " WHERE base = ? AND category = ?", scene.base(), scene.scene().a().category().name()));
        assertEquals("2", Fixture.scalar(db.dataSource(), "SELECT count(*) FROM image_object WHERE base = ?", scene.base()));
        Reply replay = ann.post(path(ApiPaths.SUBMIT, task), submit(task, scene));
        assertEquals(409, replay.status(), replay.error());
        assertEquals("2", Fixture.scalar(db.dataSource(), "SELECT count(*) FROM annot_submission WHERE base = ?", scene.base()));
    }

    @Test
    void anExpiredLeaseGoesBackToTheQueueAndHeartbeatsExtendALiveOne() throws Exception {
        WorldScene scene = Fixture.images(db.dataSource(), home, "lease-run", 1, SIZE, "APPROVED").get(0);
        JsonNode mine = ann.get(ApiPaths.NEXT + "?kind=annotate").json();
        String before = Fixture.scalar(db.dataSource(), "SELECT lease_expires FROM annot_task WHERE id = ?", id(mine));
        Reply beat = ann.post(path(ApiPaths.HEARTBEAT, mine), Map.of("lease", lease(mine)));
        assertEquals(200, beat.status(), beat.error());
        assertTrue(Fixture.scalar(db.dataSource(), "SELECT lease_expires > ?::timestamptz FROM annot_task WHERE id = ?",
                before, id(mine)).equals("t"));
        assertEquals(id(mine), id(ann.get(ApiPaths.NEXT + "?kind=annotate").json()), "a second pull returns the held task");
        assertEquals(204, other.get(ApiPaths.NEXT + "?kind=annotate").status(), "a held task is nobody else's");

        Fixture.update(db.dataSource(), "UPDATE annot_task SET lease_expires = now() - interval '1 second' WHERE id = ?", id(mine));
        JsonNode theirs = other.get(ApiPaths.NEXT + "?kind=annotate").json();
        assertEquals(id(mine), id(theirs), "the expired task went back to the queue");
        Reply late = ann.post(path(ApiPaths.SUBMIT, mine), submit(mine, scene));
        assertEquals(403, late.status(), late.error());
        assertEquals(403, ann.post(path(ApiPaths.HEARTBEAT, mine), Map.of("lease", lease(mine))).status());
        Reply stale = other.post(path(ApiPaths.SUBMIT, theirs), submit(mine, scene));
        assertEquals(409, stale.status(), "the old lease token of the same task is stale: " + stale.error());
        Fixture.update(db.dataSource(), "UPDATE annot_task SET lease_expires = now() - interval '1 second' WHERE id = ?", id(mine));
        Reply expired = other.post(path(ApiPaths.SUBMIT, theirs), submit(theirs, scene));
        assertEquals(409, expired.status(), expired.error());
        assertTrue(expired.error().contains("expired"), expired.error());
        assertEquals(id(mine), id(other.get(ApiPaths.NEXT + "?kind=annotate").json()));
        Fixture.update(db.dataSource(), "UPDATE pipeline_image SET state = 'REJECTED' WHERE base = ?", scene.base());
    }

    @Test
    void hostileRequestsGetClear4xxAndLeaveTheServerHealthy() throws Exception {
        WorldScene scene = Fixture.images(db.dataSource(), home, "hostile-run", 1, SIZE, "APPROVED").get(0);
        JsonNode task = ann.get(ApiPaths.NEXT + "?kind=annotate").json();
        Client nobody = Fixture.anonymous(base);
        Client forged = new Client(base, "is3a_forged", null, null);
        List<String> failures = new ArrayList<>();
        expect(failures, 401, nobody.get(ApiPaths.NEXT + "?kind=annotate"), "no credentials");
        expect(failures, 401, forged.get(ApiPaths.NEXT + "?kind=annotate"), "forged token");
        expect(failures, 403, ann.get(ApiPaths.NEXT + "?kind=review"), "annotator pulling reviews");
        expect(failures, 403, ann.get(ApiPaths.STATS), "annotator reading stats");
        expect(failures, 400, ann.get(ApiPaths.NEXT + "?kind=everything"), "unknown kind");
        expect(failures, 400, ann.post(path(ApiPaths.PROPOSE, task), "{not json"), "malformed JSON");
        expect(failures, 400, ann.post(path(ApiPaths.PROPOSE, task), "[1, 2]"), "JSON array body");
        expect(failures, 415, ann.send(ann.request(path(ApiPaths.PROPOSE, task)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("a=b"))), "form post");
        expect(failures, 400, ann.post(path(ApiPaths.PROPOSE, task), Map.of("clicks",
                List.of(Map.of("x", SIZE, "y", 3, "positive", true)))), "click outside the image");
        expect(failures, 400, ann.post(path(ApiPaths.PROPOSE, task), Map.of("clicks",
                List.of(Map.of("x", -1, "y", 3)))), "negative coordinate");
        expect(failures, 400, ann.post(path(ApiPaths.PROPOSE, task), Map.of("clicks",
                List.of(Map.of("x", "ten", "y", 3)))), "coordinate as text");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(Map.of("x", i % SIZE, "y", i % SIZE, "positive", true));
        }
        expect(failures, 400, ann.post(path(ApiPaths.PROPOSE, task), Map.of("clicks", many)), "thousands of clicks");
        expect(failures, 400, ann.post(path(ApiPaths.PROPOSE, task), Map.of("clicks", List.of(), "box",
                List.of(0, 0, SIZE + 5, 10))), "box outside the image");
        expect(failures, 400, ann.post(path(ApiPaths.PROPOSE, task), Map.of("clicks", List.of(), "previous",
                Map.of("size", List.of(SIZE, SIZE), "counts", "0000~~~"))), "invalid previous RLE");
        Map<String, Object> badRle = submitWith(task, scene, Map.of("size", List.of(SIZE, SIZE), "counts", "!!notrle"));
        expect(failures, 400, ann.post(path(ApiPaths.SUBMIT, task), badRle), "invalid RLE characters");
        Map<String, Object> shortRle = submitWith(task, scene, Map.of("size", List.of(SIZE, SIZE), "counts", "0"));
        expect(failures, 400, ann.post(path(ApiPaths.SUBMIT, task), shortRle), "RLE not covering the image");
        Map<String, Object> wrongSize = submitWith(task, scene, Map.of("size", List.of(SIZE * 2, SIZE),
                "counts", CocoRle.encode(new boolean[SIZE * SIZE * 2], SIZE * 2, SIZE).counts()));
        expect(failures, 400, ann.post(path(ApiPaths.SUBMIT, task), wrongSize), "mask of another size");
        Map<String, Object> empty = submitWith(task, scene, Map.of("size", List.of(SIZE, SIZE),
                "counts", CocoRle.encode(new boolean[SIZE * SIZE], SIZE, SIZE).counts()));
        expect(failures, 400, ann.post(path(ApiPaths.SUBMIT, task), empty), "empty mask");
        String huge = "{\"lease\": \"x\", \"objects\": [{\"category\": \"a\", \"mask\": {\"size\": [1, 1], \"counts\": \""
                + "1".repeat(9 << 20) + "\"}}]}";
        expect(failures, 413, ann.post(path(ApiPaths.SUBMIT, task), huge), "body over the size limit");
        expect(failures, 403, other.post(path(ApiPaths.SUBMIT, task), submit(task, scene)), "someone else's task");
        expect(failures, 403, other.get(task.get("image").asText()), "someone else's image");
        expect(failures, 404, ann.post(ApiPaths.SUBMIT.replace("{id}", "999999"), submit(task, scene)), "unknown task");
        expect(failures, 400, ann.post(ApiPaths.SUBMIT.replace("{id}", "abc"), submit(task, scene)), "task id not a number");
        expect(failures, 409, ann.post(path(ApiPaths.SUBMIT, task), Map.of("lease", "stale", "objects",
                submit(task, scene).get("objects"))), "wrong lease token");
        expect(failures, 400, ann.post(path(ApiPaths.VERIFY, task), Map.of("lease", lease(task), "decision", "approve")),
                "verifying an annotate task");
        assertEquals(List.of(), failures);

        assertEquals(200, Fixture.anonymous(base).get(ApiPaths.HEALTH).status());
        assertEquals("0", Fixture.scalar(db.dataSource(), "SELECT count(*) FROM annot_submission WHERE base = ?", scene.base()));
        Reply ok = ann.post(path(ApiPaths.SUBMIT, task), submit(task, scene));
        assertEquals(201, ok.status(), "after all that the real submit works: " + ok.error());
    }

    @Test
    void aBrowserSessionIsAnHttpOnlyStrictCookieWhoseWritesNeedTheCsrfToken() throws Exception {
        Reply login = Fixture.anonymous(base).post(ApiPaths.LOGIN, Map.of("name", "ann", "password", Fixture.PASSWORD));
        assertEquals(200, login.status(), login.error());
        String cookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        String secret = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        String csrf = login.json().get("csrf").asText();
        Client noCsrf = new Client(base, null, secret, null);
        Client withCsrf = new Client(base, null, secret, csrf);
        assertEquals("ann", noCsrf.get(ApiPaths.ME).json().get("name").asText(), "reads need no CSRF token");
        assertEquals(403, noCsrf.post(ApiPaths.TOKENS, Map.of()).status());
        assertEquals(403, new Client(base, null, secret, "wrong").post(ApiPaths.TOKENS, Map.of()).status());
        Reply token = withCsrf.post(ApiPaths.TOKENS, Map.of());
        assertEquals(201, token.status(), token.error());
        assertEquals(204, withCsrf.post(ApiPaths.LOGOUT, Map.of()).status());
        assertEquals(401, noCsrf.get(ApiPaths.ME).status(), "a signed-out session is gone");
    }

    @Test
    void repeatedFailedLoginsAreRefusedFor429WithRetryAfter() {
        Client nobody = Fixture.anonymous(base);
        Fixture.client(base, db.dataSource(), "target", Role.ANNOTATOR);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, nobody.post(ApiPaths.LOGIN, Map.of("name", "target", "password", "guess" + i)).status());
        }
        Reply refused = nobody.post(ApiPaths.LOGIN, Map.of("name", "target", "password", Fixture.PASSWORD));
        assertEquals(429, refused.status(), "even the right password waits: " + refused.error());
        assertTrue(refused.raw().headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void theUiIsServedFromTheJarWithAStrictContentSecurityPolicy() {
        Reply page = Fixture.anonymous(base).get("/");
        assertEquals(200, page.status());
        assertTrue(page.raw().body().contains("<script src=\"/app.js\">"), page.raw().body());
        String csp = page.raw().headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'"), csp);
        assertNull(Fixture.anonymous(base).get("/app.js").json());
        assertEquals(200, Fixture.anonymous(base).get("/app.js").status());
    }

    static void expect(List<String> failures, int status, Reply r, String what) {
        if (r.status() != status || r.json() == null || r.error().isBlank()) {
            failures.add(what + ": expected " + status + " with an error message, got " + r.status() + " " + r.raw().body()
                    .substring(0, Math.min(200, r.raw().body().length())));
        }
    }

    static Map<String, Object> submit(JsonNode task, WorldScene scene) {
        return Map.of("lease", lease(task), "objects", List.of(
                object(scene.scene().a()), object(scene.scene().b())));
    }

    static Map<String, Object> submitWith(JsonNode task, WorldScene scene, Map<String, Object> firstMask) {
        return Map.of("lease", lease(task), "objects", List.of(
                Map.of("category", scene.scene().a().category().name(), "mask", firstMask), object(scene.scene().b())));
    }

    static Map<String, Object> object(SceneObject o) {
        return Map.of("category", o.category().name(), "clicks", 2, "mask", Map.of("size", List.of(o.height(), o.width()),
                "counts", CocoRle.encode(o.mask(), o.height(), o.width()).counts()));
    }

    static int[] interior(SceneObject o) {
        return org.is3.annotator.segment.ClickSimulator.deepest(o.mask(), o.width(), o.height());
    }

    static String path(String template, JsonNode task) {
        return template.replace("{id}", task.get("id").asText());
    }

    static String lease(JsonNode task) {
        return task.get("lease").asText();
    }

    static long id(JsonNode task) {
        return task.get("id").asLong();
    }

}
