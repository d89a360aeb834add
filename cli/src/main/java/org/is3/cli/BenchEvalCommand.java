package org.is3.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.gt.GroundTruthReaders;
import org.is3.core.metrics.LocalizationProtocol;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.eval.auth.Tokens;
import org.is3.eval.server.EvalServer;
import org.is3.eval.server.EvalService;
import org.is3.eval.worker.WorkerSettings;
import org.is3.eval.store.Benchmarks;
import org.is3.eval.store.NewBenchmark;
import org.is3.eval.store.NewPhase;
import org.is3.eval.store.Phases;
import org.is3.eval.store.Role;
import org.is3.eval.store.SplitTruth;
import org.is3.eval.store.SplitVisibility;
import org.is3.eval.store.Teams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure upload-to-score on a throw-away eval server: a benchmark of N samples (default",
            "6,480, IS3-sized), one team, one upload of an uncompressed .npz over real HTTP, polled until scored."})
final class BenchEvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--n", defaultValue = "6480", description = "Samples (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--dir", defaultValue = "${java.io.tmpdir}/is3-bench", paramLabel = "DIR",
            description = "Where the generated files and the throw-away home go (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--runs", defaultValue = "2", description = "Uploads (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchData data = BenchData.ensure(dir, n, 0, out);
        Path home = Files.createTempDirectory(dir, "eval-home-");
        try (Database db = Database.start(DatabaseConfig.embedded(home).withPort(0))) {
            var truth = GroundTruthReaders.read(GroundTruthFormat.VGGSS, data.gt(), GroundTruthReaders.Options.defaults());
            new Benchmarks(db.dataSource()).create(new NewBenchmark("bench", GroundTruthFormat.VGGSS,
                    LocalizationProtocol.SSLALIGN, 0.03, List.of(new SplitTruth(SplitVisibility.TEST, truth))));
            new Phases(db.dataSource()).add("bench", new NewPhase("bench", Instant.now().minusSeconds(1), null,
                    runs, runs, runs, true));
            String token = new Tokens(db.dataSource()).issue(new Teams(db.dataSource()).create("bench", Role.MEMBER)).token();
            try (EvalService service = EvalService.start(new EvalServer.Config("127.0.0.1", 0, home,
                    EvalServer.Config.DEFAULT_MAX_UPLOAD, Runtime.getRuntime().availableProcessors()), db.dataSource(), 1,
                    WorkerSettings.DEFAULT_LEASE)) {
                String base = "http://127.0.0.1:" + service.port();
                long bytes = Files.size(data.predictions());
                for (int run = 1; run <= runs; run++) {
                    long t0 = System.nanoTime();
                    long id = upload(base, token, data.predictions());
                    double accepted = BenchScoreCommand.seconds(t0);
                    awaitScored(base, token, id);
                    double scored = BenchScoreCommand.seconds(t0);
                    out.printf(Locale.ROOT, "run %d: %d maps (%d MB): accepted (uploaded + validated) in %.2f s,"
                            + " scored %.2f s after the upload started → %.0f maps/s upload-to-score%n",
                            run, n, bytes >> 20, accepted, scored, n / scored);
                    out.flush();
                }
            }
        } finally {
            BenchData.deleteTree(home);
        }
        return 0;
    }

    private static long upload(String base, String token, Path file) throws IOException, InterruptedException {
        String boundary = "is3-bench-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"method\"\r\n\r\nbench\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pred.npz\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/benchmarks/bench/submissions"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body(head, file, tail))).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("upload refused: " + r.statusCode() + " " + r.body());
        }
        return new ObjectMapper().readTree(r.body()).get("id").asLong();
    }

    private static InputStream body(byte[] head, Path file, byte[] tail) {
        try {
            return new SequenceInputStream(new SequenceInputStream(new java.io.ByteArrayInputStream(head),
                    Files.newInputStream(file)), new java.io.ByteArrayInputStream(tail));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitScored(String base, String token, long id) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/submissions/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode s = new ObjectMapper().readTree(r.body());
            switch (s.get("status").asText()) {
                case "scored" -> {
                    return;
                }
                case "failed" -> throw new IllegalStateException("scoring failed: " + s.get("error").asText());
                default -> Thread.sleep(20);
            }
        }
    }
}
