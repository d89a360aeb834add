package org.is3.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code is3 eval serve} killed with SIGKILL right after answering 201 — while the submission is
 * queued or being scored — and started again on the same home: the submission is scored, once.
 */
class EvalServerKillTest {
    private static final Pattern URL = Pattern.compile("eval server {2}(http://127\\.0\\.0\\.1:\\d+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anAcceptedSubmissionSurvivesKill9AndIsScoredOnce() throws Exception {
        Path home = dir.resolve("home");
        BenchData data = BenchData.ensure(dir, 1500, 3, new java.io.PrintWriter(java.io.Writer.nullWriter()));
        ScoreCommandTest.Run bench = ScoreCommandTest.is3("eval", "admin", "create-benchmark", "--home", home.toString(),
                "--db-port", "0", "--name", "killed", "--gt", data.gt().toString(), "--gt-format", "vggss");
        assertEquals(0, bench.code(), bench.out() + bench.err());
        assertEquals(0, ScoreCommandTest.is3("eval", "admin", "add-phase", "--home", home.toString(), "--db-port", "0",
                "--benchmark", "killed", "--name", "main").code());
        ScoreCommandTest.Run team = ScoreCommandTest.is3("eval", "admin", "create-team", "--home", home.toString(),
                "--db-port", "0", "--name", "survivors");
        assertEquals(0, team.code(), team.err());
        String[] lines = team.out().strip().split("\n");
        String token = lines[lines.length - 1].strip();

        Process first = serve(home, dir.resolve("first.log"));
        long id;
        try {
            id = upload(awaitUrl(first, dir.resolve("first.log")), token, data.predictions());
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        }

        Process second = serve(home, dir.resolve("second.log"));
        try {
            String base = awaitUrl(second, dir.resolve("second.log"));
            JsonNode done = awaitScored(base, token, id);
            assertEquals("scored", done.get("status").asText(), done.toString());
            assertEquals(1500, done.get("metrics").get("n").asInt());
            try (Database db = Database.connect(DatabaseConfig.embedded(home).withPort(0));
                 Connection c = db.dataSource().getConnection();
                 PreparedStatement q = c.prepareStatement(
                         "SELECT count(*) FROM eval_result WHERE submission_id = ?")) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "one result row for the benchmark's one split: scored once");
                }
            }
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static Process serve(Path home, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Dorg.jboss.logging.provider=slf4j", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "eval", "serve", "--home", home.toString(), "--port", "0", "--db-port", "0",
                "--lease", "3s")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String awaitUrl(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                return m.group(1);
            }
            assertTrue(process.isAlive(), "eval serve exited:\n" + Files.readString(log));
            Thread.sleep(100);
        }
        throw new AssertionError("eval serve did not start:\n" + Files.readString(log));
    }

    private static long upload(String base, String token, Path file) throws Exception {
        String boundary = "kill-test";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"method\"\r\n\r\nsurvivor\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.npz\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/benchmarks/killed/submissions"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head),
                                Files.newInputStream(file)), new ByteArrayInputStream(tail));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asLong();
    }

    private static JsonNode awaitScored(String base, String token, long id) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 1200; i++) {
            JsonNode s = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/submissions/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            if (!s.get("status").asText().equals("queued") && !s.get("status").asText().equals("running")) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("submission " + id + " was not scored after the restart");
    }
}
