package org.is3.annotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
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

/** Overlap k = 2: agreeing masks are accepted, disagreeing ones go to a reviewer who picks. */
class QualityTest {
    @TempDir
    static Path home;
    static Database db;
    static AnnotatorService service;
    static Client u1;
    static Client u2;
    static Client reviewer;
    static final int SIZE = 128;

    @BeforeAll
    static void start() {
        db = Database.start(DatabaseConfig.embedded(home).withPort(0));
        service = AnnotatorService.start(AnnotatorConfig.defaults().withPort(0).withBcryptCost(4)
                .withQuality(2, 0.8, 0, 0), db.dataSource(), home);
        String base = "http://127.0.0.1:" + service.port();
        u1 = Fixture.client(base, db.dataSource(), "u1", Role.ANNOTATOR);
        u2 = Fixture.client(base, db.dataSource(), "u2", Role.ANNOTATOR);
        reviewer = Fixture.client(base, db.dataSource(), "rev", Role.REVIEWER);
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

    @BeforeEach
    void parkEarlierImages() throws Exception {
        Fixture.update(db.dataSource(), "UPDATE pipeline_image SET state = 'RELEASED' WHERE state IN ('GENERATED', 'APPROVED')");
    }

    @Test
    void twoAgreeingAnnotationsAreAcceptedAndOneAnnotatorNeverGetsBothSlots() throws Exception {
        WorldScene scene = Fixture.images(db.dataSource(), home, "agree", 1, SIZE, "APPROVED").get(0);
        JsonNode t1 = u1.get(ApiPaths.NEXT + "?kind=annotate").json();
        assertEquals(201, u1.post(AnnotatorApiTest.path(ApiPaths.SUBMIT, t1), AnnotatorApiTest.submit(t1, scene)).status());
        assertEquals(204, u1.get(ApiPaths.NEXT + "?kind=annotate").status(), "u1 did this image already");
        assertEquals("APPROVED", state(scene), "one of k = 2 annotations is not enough");
        JsonNode t2 = u2.get(ApiPaths.NEXT + "?kind=annotate").json();
        assertNotEquals(t1.get("id").asLong(), t2.get("id").asLong());
        assertEquals(201, u2.post(AnnotatorApiTest.path(ApiPaths.SUBMIT, t2), AnnotatorApiTest.submit(t2, scene)).status());

        assertEquals("ANNOTATED", state(scene));
        assertEquals("agreement|1|2", Fixture.scalar(db.dataSource(), "SELECT min(how) || '|' || min(agreement_iou)"
                + " || '|' || count(*) FROM annot_decision WHERE base = ?", scene.base()));
        assertEquals("2", Fixture.scalar(db.dataSource(), "SELECT count(*) FROM image_object o JOIN annot_submission s"
                + " ON s.id = o.annotation_ref WHERE o.base = ? AND s.base = o.base AND s.category = o.category", scene.base()));
    }

    @Test
    void disagreementGoesToReviewWhereAReviewerPicksTheAcceptedMasks() throws Exception {
        WorldScene scene = Fixture.images(db.dataSource(), home, "disagree", 1, SIZE, "APPROVED").get(0);
        JsonNode t1 = u1.get(ApiPaths.NEXT + "?kind=annotate").json();
        Reply good = u1.post(AnnotatorApiTest.path(ApiPaths.SUBMIT, t1), AnnotatorApiTest.submit(t1, scene));
        JsonNode t2 = u2.get(ApiPaths.NEXT + "?kind=annotate").json();
        Reply sloppy = u2.post(AnnotatorApiTest.path(ApiPaths.SUBMIT, t2), Map.of("lease", t2.get("lease").asText(),
                "objects", List.of(square(scene.scene().a()), AnnotatorApiTest.object(scene.scene().b()))));
        assertEquals(201, sloppy.status(), sloppy.error());
        assertEquals("APPROVED", state(scene), "disagreeing masks are not accepted");
        assertEquals(403, u1.get(ApiPaths.NEXT + "?kind=review").status(), "annotators do not review");

        JsonNode review = reviewer.get(ApiPaths.NEXT + "?kind=review").json();
        assertEquals("review", review.get("kind").asText());
        JsonNode candidates = reviewer.get(AnnotatorApiTest.path(ApiPaths.CANDIDATES, review)).json().get("candidates");
        String a = scene.scene().a().category().name();
        String b = scene.scene().b().category().name();
        assertEquals(2, candidates.get(a).size());
        long chosenA = good.json().get("submissions").get(0).asLong();
        long chosenB = sloppy.json().get("submissions").get(1).asLong();
        Reply wrong = reviewer.post(AnnotatorApiTest.path(ApiPaths.REVIEW, review), Map.of("lease",
                review.get("lease").asText(), "choices", Map.of(a, chosenB, b, chosenB)));
        assertEquals(400, wrong.status(), "a submission of another category is no candidate: " + wrong.error());
        Reply resolved = reviewer.post(AnnotatorApiTest.path(ApiPaths.REVIEW, review), Map.of("lease",
                review.get("lease").asText(), "choices", Map.of(a, chosenA, b, chosenB)));
        assertEquals(200, resolved.status(), resolved.error());

        assertEquals("ANNOTATED", state(scene));
        assertEquals(chosenA + "|u1", Fixture.scalar(db.dataSource(), "SELECT annotation_ref || '|' || accepted_by"
                + " FROM image_object WHERE base = ? AND category = ?", scene.base(), a));
        assertEquals(chosenB + "|u2", Fixture.scalar(db.dataSource(), "SELECT annotation_ref || '|' || accepted_by"
                + " FROM image_object WHERE base = ? AND category = ?", scene.base(), b));
        assertEquals("review|rev", Fixture.scalar(db.dataSource(), "SELECT min(d.how) || '|' || min(u.name)"
                + " FROM annot_decision d JOIN annot_user u ON u.id = d.decided_by WHERE d.base = ?", scene.base()));
        assertEquals("4", Fixture.scalar(db.dataSource(), "SELECT count(*) FROM annot_submission WHERE base = ?",
                scene.base()), "every submitted version is kept");
    }

    @Test
    void slotsOfAnImageThePipelineMovedOnAreClosedAndTheirLateSubmitIsRefused() throws Exception {
        WorldScene scene = Fixture.images(db.dataSource(), home, "moved", 1, SIZE, "APPROVED").get(0);
        JsonNode t1 = u1.get(ApiPaths.NEXT + "?kind=annotate").json();
        Fixture.update(db.dataSource(), "UPDATE pipeline_image SET state = 'ANNOTATED', auto_annotated = true,"
                + " updated_at = now() WHERE base = ?",
                scene.base());
        Fixture.update(db.dataSource(), "UPDATE annot_task SET lease_expires = now() - interval '1 second' WHERE id = ?",
                t1.get("id").asLong());
        assertEquals(204, u2.get(ApiPaths.NEXT + "?kind=annotate").status());
        assertEquals("closed,closed", Fixture.scalar(db.dataSource(), "SELECT string_agg(state, ',') FROM annot_task"
                + " WHERE base = ?", scene.base()));
        Reply late = u1.post(AnnotatorApiTest.path(ApiPaths.SUBMIT, t1), AnnotatorApiTest.submit(t1, scene));
        assertEquals(409, late.status(), late.error());
    }

    private static Map<String, Object> square(SceneObject o) {
        boolean[] m = new boolean[o.width() * o.height()];
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                m[y * o.width() + x] = true;
            }
        }
        return Map.of("category", o.category().name(), "mask", Map.of("size", List.of(o.height(), o.width()),
                "counts", CocoRle.encode(m, o.height(), o.width()).counts()));
    }

    private static String state(WorldScene scene) throws Exception {
        return Fixture.scalar(db.dataSource(), "SELECT state FROM pipeline_image WHERE base = ?", scene.base());
    }
}
