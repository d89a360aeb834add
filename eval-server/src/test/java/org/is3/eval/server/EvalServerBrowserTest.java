package org.is3.eval.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.is3.core.metrics.LocalizationProtocol;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.eval.auth.Tokens;
import org.is3.eval.store.Benchmarks;
import org.is3.eval.store.NewBenchmark;
import org.is3.eval.store.NewPhase;
import org.is3.eval.store.Phases;
import org.is3.eval.store.Role;
import org.is3.eval.store.SplitTruth;
import org.is3.eval.store.SplitVisibility;
import org.is3.eval.store.Teams;
import org.is3.eval.web.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Headless Chromium loads the real server's leaderboard and finds an entry the worker scored. */
class EvalServerBrowserTest extends BrowserTest {
    @TempDir
    Path home;

    @Test
    void theLeaderboardPageShowsAScoredEntry() throws Exception {
        try (Database db = Database.start(DatabaseConfig.embedded(home).withPort(0))) {
            GroundTruthSet truth = GroundTruthSet.of(List.of(
                    GroundTruth.positive("drum_cat_1_drum", GtMap.union(List.of(new PixelBox(20, 20, 120, 120))), 1),
                    GroundTruth.positive("drum_cat_1_cat", GtMap.union(List.of(new PixelBox(100, 90, 200, 210))), 1)));
            new Benchmarks(db.dataSource()).create(new NewBenchmark("browser-is3", GroundTruthFormat.IS3,
                    LocalizationProtocol.SSLALIGN, 0.03, List.of(new SplitTruth(SplitVisibility.TEST, truth))));
            new Phases(db.dataSource()).add("browser-is3", new NewPhase("main", Instant.now().minusSeconds(5), null, 5, 5, 5, true));
            String token = new Tokens(db.dataSource()).issue(new Teams(db.dataSource()).create("Lab A", Role.MEMBER)).token();
            try (EvalService service = EvalService.start(new EvalServer.Config("127.0.0.1", 0, home, 1 << 26, 2),
                    db.dataSource(), 1)) {
                String base = "http://127.0.0.1:" + service.port();
                Multipart form = new Multipart().field("method", "Gaussian blobs")
                        .file("file", "p.npz", EvalApiTest.npz(truth.ids(), 224, 21));
                HttpResponse<String> r = EvalApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(base
                                + "/api/v1/benchmarks/browser-is3/submissions")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", form.contentType()).POST(form.publisher()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(201, r.statusCode(), r.body());
                long id = EvalApiTest.JSON.readTree(r.body()).get("id").asLong();
                awaitScored(base, token, id);

                browser.get(base + "/benchmarks/browser-is3");
                WebElement row = browser.findElement(By.id("entry-" + id));
                assertTrue(row.getText().contains("Gaussian blobs"), row.getText());
                assertTrue(row.getText().contains("Lab A"), row.getText());
                assertTrue(row.findElements(By.tagName("svg")).size() >= 1, "the entry's success-rate curve is drawn");
                browser.get(base + "/");
                assertTrue(browser.getPageSource().contains("browser-is3"), "the index lists the benchmark");
                assertOnlyRequested(base);
            }
        }
    }

    private static void awaitScored(String base, String token, long id) throws Exception {
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> s = EvalApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/submissions/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            String status = EvalApiTest.JSON.readTree(s.body()).get("status").asText();
            if (status.equals("scored")) {
                return;
            }
            assertTrue(!status.equals("failed"), s.body());
            Thread.sleep(50);
        }
        throw new AssertionError("not scored in time");
    }
}
