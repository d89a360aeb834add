package org.is3.eval.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.NpyLayout;
import org.is3.core.formats.PredictionSource;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.is3.core.metrics.LocalizationProtocol;
import org.is3.core.scoring.Progress;
import org.is3.core.scoring.ScoreOptions;
import org.is3.core.scoring.ScoreReport;
import org.is3.core.scoring.Scorer;
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
import org.is3.eval.store.Team;
import org.is3.eval.store.Teams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team API over real HTTP, a real embedded PostgreSQL and the in-process scoring worker:
 * the happy path to the leaderboard, and hostile uploads that must each get a clear 4xx.
 */
class EvalApiTest {
    @TempDir
    static Path home;
    static Database db;
    static EvalService service;
    static String base;
    static String token;
    static String otherToken;
    static String adminToken;
    static GroundTruthSet truth;
    static GroundTruthSet quotaTruth;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final int N = 12;
    static final long MAX_UPLOAD = 16 << 20;

    @BeforeAll
    static void start() {
        db = Database.start(DatabaseConfig.embedded(home).withPort(0));
        List<GroundTruth> samples = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            int x = 10 + 15 * i;
            samples.add(GroundTruth.positive("cat_dog_" + i / 2 + "_" + (i % 2 == 0 ? "cat" : "dog"),
                    GtMap.union(List.of(new PixelBox(x, 20, x + 40, 120))), 1));
        }
        truth = GroundTruthSet.of(samples);
        new Benchmarks(db.dataSource()).create(new NewBenchmark("toy-is3", org.is3.core.gt.GroundTruthFormat.IS3,
                LocalizationProtocol.SSLALIGN, 0.03, List.of(new SplitTruth(SplitVisibility.TEST, truth))));
        new Phases(db.dataSource()).add("toy-is3", new NewPhase("main", Instant.now().minusSeconds(60), null, 20, 20, 20, true));
        quotaTruth = GroundTruthSet.of(samples.subList(0, 2));
        new Benchmarks(db.dataSource()).create(new NewBenchmark("toy-quota", org.is3.core.gt.GroundTruthFormat.IS3,
                LocalizationProtocol.SSLALIGN, 0.03, List.of(new SplitTruth(SplitVisibility.TEST, quotaTruth))));
        Teams teams = new Teams(db.dataSource());
        Tokens tokens = new Tokens(db.dataSource());
        token = tokens.issue(teams.create("team one", Role.MEMBER)).token();
        otherToken = tokens.issue(teams.create("team two", Role.MEMBER)).token();
        adminToken = tokens.issue(teams.create("organisers", Role.ADMIN)).token();
        service = EvalService.start(new EvalServer.Config("127.0.0.1", 0, home, MAX_UPLOAD, 2), db.dataSource(), 1);
        base = "http://127.0.0.1:" + service.port();
    }

    @AfterAll
    static void stop() {
        service.close();
        db.close();
    }

    static float[] map(SplittableRandom rnd, int n) {
        float[] m = new float[n * n];
        int cx = rnd.nextInt(n);
        int cy = rnd.nextInt(n);
        for (int i = 0; i < m.length; i++) {
            int dx = i % n - cx;
            int dy = i / n - cy;
            m[i] = (float) Math.exp(-(dx * dx + dy * dy) / (n * n / 8.0)) + (float) rnd.nextDouble() * 0.01f;
        }
        return m;
    }

    static byte[] npz(List<String> ids, int size, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String id : ids) {
                zip.putNextEntry(new ZipEntry(id + ".npy"));
                zip.write(Npy.toBytes(NpyArray.of(map(rnd, size), size, size), NpyLayout.DEFAULT));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static HttpResponse<String> upload(String bearer, Multipart form) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/api/v1/benchmarks/toy-is3/submissions"))
                .header("Content-Type", form.contentType()).POST(form.publisher());
        if (bearer != null) {
            req.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path));
        if (bearer != null) {
            req.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode awaitFinished(long id) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode s = JSON.readTree(get("/api/v1/submissions/" + id, token).body());
            String status = s.get("status").asText();
            if (status.equals("scored") || status.equals("failed")) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("submission " + id + " did not finish");
    }

    void assertRefused(HttpResponse<String> r, int status, String... fragments) throws IOException, InterruptedException {
        assertEquals(status, r.statusCode(), r.body());
        String error = JSON.readTree(r.body()).get("error").asText();
        for (String f : fragments) {
            assertTrue(error.contains(f), "error should mention '" + f + "': " + error);
        }
        assertEquals(200, get("/health", null).statusCode(), "the server stays healthy");
    }

    static long acceptedSubmissions() throws java.sql.SQLException {
        try (var c = db.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM eval_submission")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long storedSubmissionDirectories() throws IOException {
        try (var dirs = Files.list(home.resolve("submissions"))) {
            return dirs.filter(Files::isDirectory).count();
        }
    }

    @Test
    void aSubmissionIsScoredExactlyAndReachesTheLeaderboard() throws Exception {
        byte[] file = npz(truth.ids(), 224, 1);
        HttpResponse<String> r = upload(token, new Multipart().field("method", "<script>alert(1)</script> Net")
                .field("paper_url", "https://example.org/paper").field("pretrained_vision", "true")
                .file("file", "pred.npz", file));
        assertEquals(201, r.statusCode(), r.body());
        long id = JSON.readTree(r.body()).get("id").asLong();
        JsonNode done = awaitFinished(id);
        assertEquals("scored", done.get("status").asText(), done.toString());

        Path local = home.resolve("expected.npz");
        Files.write(local, file);
        ScoreReport expected;
        try (PredictionSource src = PredictionSource.open(local)) {
            expected = new Scorer(ScoreOptions.defaults()).score(truth, src, Progress.NONE);
        }
        JsonNode metrics = done.get("metrics");
        assertEquals(expected.localization().ciou(), metrics.get("ciou").asDouble(), 0.0);
        assertEquals(expected.localization().auc(), metrics.get("auc").asDouble(), 0.0);
        assertEquals(expected.localization().iiouAdap(), metrics.get("iiou_adap").asDouble(), 0.0);
        assertEquals(N, metrics.get("n").asInt());
        assertTrue(done.get("history").size() >= 3, "queued, running, scored: " + done.get("history"));

        JsonNode board = JSON.readTree(get("/api/v1/benchmarks/toy-is3/leaderboard", null).body());
        assertTrue(board.toString().contains("\"submission_id\":" + id), board.toString());
        String csv = get("/api/v1/benchmarks/toy-is3/leaderboard.csv", null).body();
        assertTrue(csv.contains("team one"), csv);
        String page = get("/benchmarks/toy-is3", null).body();
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Net"), "method names are escaped");
        assertFalse(page.contains("<script>alert(1)"), "no markup from a team reaches the page");
        assertTrue(get("/", null).body().contains("toy-is3"));

        assertEquals(404, get("/api/v1/submissions/" + id, otherToken).statusCode(), "another team cannot read it");
        assertTrue(JSON.readTree(get("/api/v1/teams/me/submissions", token).body()).toString().contains("\"id\":" + id));
        assertFalse(get("/api/v1/teams/me/submissions", otherToken).body().contains("\"id\":" + id + ","),
                "another team's list does not show it");
    }

    @Test
    void adminsReRunAndMarkBaselines() throws Exception {
        HttpResponse<String> r = upload(token, new Multipart().field("method", "to re-run")
                .file("file", "pred.npz", npz(truth.ids(), 224, 31)));
        long id = JSON.readTree(r.body()).get("id").asLong();
        JsonNode first = awaitFinished(id);
        assertEquals("scored", first.get("status").asText());
        HttpRequest.Builder rerun = HttpRequest.newBuilder(URI.create(base + "/api/v1/submissions/" + id + "/rerun"))
                .POST(HttpRequest.BodyPublishers.noBody());
        assertRefused(HTTP.send(rerun.copy().header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()), 403, "not an admin");
        HttpResponse<String> again = HTTP.send(rerun.header("Authorization", "Bearer " + adminToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, again.statusCode(), again.body());
        JsonNode second = awaitFinished(id);
        assertEquals(first.get("metrics"), second.get("metrics"), "a re-run scores the same");
        assertTrue(second.get("history").toString().contains("re-run requested by organisers"), second.get("history").toString());

        HttpResponse<String> marked = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/submissions/" + id
                        + "/baseline?baseline=true")).header("Authorization", "Bearer " + adminToken)
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, marked.statusCode(), marked.body());
        assertTrue(JSON.readTree(marked.body()).get("baseline").asBoolean());
        assertTrue(get("/benchmarks/toy-is3", null).body().contains("badge baseline"), "the page marks the baseline");
    }

    @Test
    void lowResolutionMapsAreUpsampledAndMarked() throws Exception {
        HttpResponse<String> r = upload(token, new Multipart().field("method", "coarse")
                .file("file", "pred.npz", npz(truth.ids(), 7, 2)));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode done = awaitFinished(JSON.readTree(r.body()).get("id").asLong());
        assertEquals("scored", done.get("status").asText(), done.toString());
        assertEquals("7x7", done.get("upsampled_from").asText());
    }

    @Test
    void archivesWithFarMoreEntriesThanSamplesAreRefusedUnread() throws Exception {
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(many)) {
            for (int i = 0; i < 100_000; i++) {
                zip.putNextEntry(new ZipEntry("x" + i + ".npy"));
                zip.closeEntry();
            }
        }
        assertRefused(upload(token, new Multipart().field("method", "m").file("file", "many.zip", many.toByteArray())),
                400, "entries");
    }

    @Test
    void theQuotaHoldsOverHttp() throws Exception {
        new Phases(db.dataSource()).add("toy-quota", new NewPhase("one-a-day", Instant.now().minusSeconds(60), null, 1, 5, 5, true));
        byte[] file = npz(quotaTruth.ids(), 224, 11);
        String url = base + "/api/v1/benchmarks/toy-quota/submissions";
        Multipart once = form(file);
        HttpResponse<String> first = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + otherToken)
                .header("Content-Type", once.contentType()).POST(once.publisher()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, first.statusCode(), first.body());
        Multipart again = form(file);
        HttpResponse<String> second = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + otherToken)
                .header("Content-Type", again.contentType()).POST(again.publisher()).build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(second, 429, "quota");
        assertTrue(second.headers().firstValue("Retry-After").isPresent(), "says when to come back");
    }

    private static Multipart form(byte[] file) {
        return new Multipart().field("method", "quota").file("file", "p.npz", file);
    }

    static byte[] embeddings(List<String> ids, boolean shuffled) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < ids.size(); i++) {
                float[] v = new float[ids.size()];
                v[shuffled ? (i + 1) % ids.size() : i] = 1;
                zip.putNextEntry(new ZipEntry(ids.get(i) + ".npy"));
                zip.write(Npy.toBytes(NpyArray.of(v, v.length), NpyLayout.DEFAULT));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void embeddingsAddRetrievalAndFeatureMetrics() throws Exception {
        HttpResponse<String> r = upload(token, new Multipart().field("method", "with embeddings")
                .file("file", "pred.npz", npz(truth.ids(), 224, 41))
                .file("audio_emb", "a.npz", embeddings(truth.ids(), false))
                .file("visual_emb", "v.npz", embeddings(truth.ids(), false)));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode done = awaitFinished(JSON.readTree(r.body()).get("id").asLong());
        assertEquals("scored", done.get("status").asText(), done.toString());
        assertEquals(1.0, done.get("metrics").get("retrieval_a2i_r1").asDouble(), 0.0, "paired one-hot vectors");
        assertEquals(1.0, done.get("metrics").get("feature_alignment").asDouble(), 1e-12);

        assertRefused(upload(token, new Multipart().field("method", "half")
                .file("file", "pred.npz", npz(truth.ids(), 224, 42))
                .file("audio_emb", "a.npz", embeddings(truth.ids(), false))), 400, "both");
        assertRefused(upload(token, new Multipart().field("method", "short")
                .file("file", "pred.npz", npz(truth.ids(), 224, 43))
                .file("audio_emb", "a.npz", embeddings(truth.ids().subList(1, N), false))
                .file("visual_emb", "v.npz", embeddings(truth.ids(), false))), 400, truth.ids().get(0));
    }

    @Test
    void authIsRequired() throws Exception {
        Multipart form = new Multipart().field("method", "m").file("file", "p.npz", npz(truth.ids(), 224, 3));
        assertRefused(upload(null, form), 401, "Authorization");
        assertRefused(upload("is3_not-a-token", new Multipart().field("method", "m")), 401, "unknown or revoked");
    }

    @Test
    void hostileUploadsGetClearErrors() throws Exception {
        List<String> ids = truth.ids();
        assertRefused(upload(token, new Multipart().field("method", "m")
                .file("file", "p.npz", npz(ids.subList(1, N), 224, 4))), 400, ids.get(0), "no prediction");
        List<String> extra = new ArrayList<>(ids);
        extra.add("stranger_9_x");
        assertRefused(upload(token, new Multipart().field("method", "m")
                .file("file", "p.npz", npz(extra, 224, 5))), 400, "stranger_9_x", "unknown id");
        assertRefused(upload(token, new Multipart().field("method", "m")
                .file("file", "p.npz", npz(ids, 300, 6))), 400, "shape (300, 300)");

        ByteArrayOutputStream traversal = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(traversal)) {
            zip.putNextEntry(new ZipEntry("../../etc/evil.npy"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        assertRefused(upload(token, new Multipart().field("method", "m")
                .file("file", "p.zip", traversal.toByteArray())), 400, "..");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry(ids.get(0) + ".npy"));
            zip.write(new byte[64 << 20]); // 64 MB of zeros deflate to ~64 KB
            zip.closeEntry();
        }
        assertRefused(upload(token, new Multipart().field("method", "m")
                .file("file", "bomb.zip", bomb.toByteArray())), 400, "bomb.zip");

        String pickled = "{'descr': '|O', 'fortran_order': False, 'shape': (2,), }";
        ByteArrayOutputStream withPickle = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(withPickle)) {
            for (String id : ids) {
                zip.putNextEntry(new ZipEntry(id + ".npy"));
                byte[] header = (pickled + " ".repeat(117 - pickled.length()) + "\n").getBytes(StandardCharsets.US_ASCII);
                zip.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length, 0});
                zip.write(header);
                zip.write(new byte[16]);
                zip.closeEntry();
            }
        }
        assertRefused(upload(token, new Multipart().field("method", "m")
                .file("file", "p.npz", withPickle.toByteArray())), 400, "pickled");
        ByteArrayOutputStream duplicated = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(duplicated)) {
            for (String folder : new String[] {"a/", "b/"}) {
                zip.putNextEntry(new ZipEntry(folder + ids.get(0) + ".npy"));
                zip.write(Npy.toBytes(NpyArray.of(new float[Grid.PIXELS], 224, 224), NpyLayout.DEFAULT));
                zip.closeEntry();
            }
        }
        assertRefused(upload(token, new Multipart().field("method", "m")
                .file("file", "p.zip", duplicated.toByteArray())), 400, ids.get(0));

        byte[] whole = npz(ids, 224, 7);
        assertRefused(upload(token, new Multipart().field("method", "m")
                .file("file", "p.npz", java.util.Arrays.copyOf(whole, whole.length / 2))), 400);
        assertRefused(upload(token, new Multipart().field("method", "m")
                .file("file", "p.npz", "not a zip at all".getBytes(StandardCharsets.US_ASCII))), 400);
        assertRefused(upload(token, new Multipart().field("method", "")
                .file("file", "p.npz", whole)), 400, "method");
        assertRefused(upload(token, new Multipart().field("method", "m").field("paper_url", "javascript:alert(1)")
                .file("file", "p.npz", whole)), 400, "paper_url");
        assertRefused(upload(token, new Multipart().field("method", "m")), 400, "'file'");
        assertRefused(upload(token, new Multipart().field("method", "m")
                .file("file", "big.npz", new byte[(int) MAX_UPLOAD + 1024])), 413, "too large");

        float[] nan = new float[Grid.PIXELS];
        nan[5] = Float.NaN;
        ByteArrayOutputStream withNan = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(withNan)) {
            SplittableRandom rnd = new SplittableRandom(8);
            for (String id : ids) {
                zip.putNextEntry(new ZipEntry(id + ".npy"));
                zip.write(Npy.toBytes(NpyArray.of(id.equals(ids.get(3)) ? nan : map(rnd, 224), 224, 224), NpyLayout.DEFAULT));
                zip.closeEntry();
            }
        }
        assertRefused(upload(token, new Multipart().field("method", "m")
                .file("file", "p.npz", withNan.toByteArray())), 400, ids.get(3), "NaN");
        assertEquals(acceptedSubmissions(), storedSubmissionDirectories(), "refused uploads leave no files behind");
    }
}
