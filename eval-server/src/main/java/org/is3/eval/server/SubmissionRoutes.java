package org.is3.eval.server;

import io.javalin.http.Context;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.core.InputException;
import org.is3.core.formats.PredictionSource;
import org.is3.core.grid.Grid;
import org.is3.core.scoring.Heatmaps;
import org.is3.eval.embedding.EmbeddingCheck;
import org.is3.eval.embedding.EmbeddingLimits;
import org.is3.eval.store.Benchmark;
import org.is3.eval.store.NotFoundException;
import org.is3.eval.store.Phase;
import org.is3.eval.store.Results;
import org.is3.eval.store.SplitResult;
import org.is3.eval.store.StoredFile;
import org.is3.eval.store.Submission;
import org.is3.eval.store.SubmissionMetadata;
import org.is3.eval.store.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team API: upload → validated on disk → accepted under the quota lock → queued; status and
 * history of a team's own submissions. An upload that fails validation or the quota leaves nothing
 * behind; one answered with 201 is in the database and on disk and will be scored.
 */
final class SubmissionRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionRoutes.class);
    static final String PREDICTIONS = "predictions";

    private final EvalStore store;
    private final TeamAuth auth;
    private final Path submissionsDir;
    private final int validationThreads;
    private final Runnable wakeWorkers;

    SubmissionRoutes(EvalStore store, TeamAuth auth, Path submissionsDir, int validationThreads, Runnable wakeWorkers) {
        this.store = store;
        this.auth = auth;
        this.submissionsDir = submissionsDir;
        this.validationThreads = validationThreads;
        this.wakeWorkers = wakeWorkers;
    }

    void upload(Context ctx) throws IOException {
        Team team = auth.require(ctx);
        Benchmark benchmark = store.benchmarks().load(ctx.pathParam("benchmark"));
        Phase phase = store.phases().openNow(benchmark.name());
        store.submissions().usage(team, phase).requireRoom(); // refuse before reading a large body
        SubmissionMetadata metadata = new SubmissionMetadata(ctx.formParam("method"), ctx.formParam("description"),
                ctx.formParam("paper_url"), ctx.formParam("code_url"), flag(ctx, "pretrained_vision"),
                flag(ctx, "uses_ogl"));
        Part file = part(ctx, "file");
        if (file == null) {
            throw new InputException("multipart field 'file' is missing (an .npz, a .zip of <id>.npy, or an .npy stack with 'ids')");
        }
        long id = store.submissions().reserveId();
        Path dir = submissionsDir.resolve(Long.toString(id));
        try {
            StoredFile stored = save(id, dir, file, part(ctx, "ids"), benchmark);
            saveEmbeddings(dir, part(ctx, "audio_emb"), part(ctx, "visual_emb"), store.sampleIds(benchmark));
            Submission s = store.submissions().accept(id, team, phase, metadata, stored);
            LOG.info("submission {} accepted: team {}, benchmark {}, {} bytes{}", id, team.name(), benchmark.name(),
                    stored.bytes(), stored.upsampledFrom() == null ? "" : ", upsampled from " + stored.upsampledFrom());
            wakeWorkers.run();
            ctx.status(201).json(summary(s));
        } catch (RuntimeException | IOException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    /** Streams the parts to disk and reads every map once: ids, shapes and values are checked now. */
    private StoredFile save(long id, Path dir, Part file, Part ids, Benchmark benchmark) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(PREDICTIONS);
        file.write(target.toString()); // Jetty moves its spooled temp file: the upload is not copied again
        long bytes = Files.size(target);
        if (ids != null) {
            ids.write(dir.resolve("ids.txt").toString());
        }
        List<String> expected = store.sampleIds(benchmark);
        Heatmaps.Check check;
        try (PredictionSource source = PredictionSource.open(target, limitsFor(expected.size()))) {
            check = Heatmaps.check(expected, source, false, true, validationThreads);
        } catch (InputException e) {
            // name the upload as the team knows it, never the server's path
            String name = file.getSubmittedFileName() == null ? "file" : file.getSubmittedFileName();
            throw new InputException(e.getMessage().replace(target.toString(), "upload '" + name + "'"), e);
        }
        Heatmaps.Shape from = check.upsampledFrom();
        return new StoredFile(id + "/" + PREDICTIONS, bytes, from == null ? null : from.toString());
    }

    /**
     * The optional embeddings behind the retrieval and feature-space metrics: both or neither, each an
     * .npz/.zip of one vector per sample id, checked now and scored by the worker with the maps.
     */
    private void saveEmbeddings(Path dir, Part audio, Part visual, List<String> expected) throws IOException {
        if (audio == null && visual == null) {
            return;
        }
        if (audio == null || visual == null) {
            throw new InputException("send both 'audio_emb' and 'visual_emb' (one vector per sample id each), or neither");
        }
        Path audioFile = dir.resolve(StoredFile.AUDIO_EMBEDDINGS);
        Path visualFile = dir.resolve(StoredFile.VISUAL_EMBEDDINGS);
        audio.write(audioFile.toString());
        visual.write(visualFile.toString());
        var limits = EmbeddingLimits.DEFAULT.archiveLimits(expected.size());
        try (PredictionSource a = PredictionSource.open(audioFile, limits);
             PredictionSource v = PredictionSource.open(visualFile, limits)) {
            EmbeddingCheck.check(a, v, expected);
        } catch (InputException e) {
            throw new InputException(e.getMessage().replace(audioFile.toString(), "audio_emb")
                    .replace(visualFile.toString(), "visual_emb"), e);
        }
    }

    /** A multipart part, or null when the request has none of that name. */
    private static Part part(Context ctx, String name) {
        try {
            return ctx.req().getPart(name);
        } catch (IOException | ServletException e) {
            throw new InputException("the multipart body cannot be read: " + e.getMessage());
        }
    }

    /**
     * An archive may hold the benchmark's maps and a little debris (folders, __MACOSX), each at most a
     * float64 224×224 map: anything beyond is refused before a byte is inflated.
     */
    static PredictionSource.Limits limitsFor(int samples) {
        long perMap = (long) Grid.PIXELS * Double.BYTES + 4096;
        return new PredictionSource.Limits(samples + 64, (samples + 64) * perMap,
                PredictionSource.Limits.DEFAULT.maxCompressionRatio(), PredictionSource.Limits.DEFAULT.ratioCheckMinBytes());
    }

    void status(Context ctx) {
        Team team = auth.require(ctx);
        Submission s = ownSubmission(team, ctx.pathParam("id"));
        Map<String, Object> body = summary(s);
        List<SplitResult> results = store.results().forSubmission(s.id(), team);
        Map<String, Object> splits = new LinkedHashMap<>();
        for (SplitResult r : results) {
            splits.put(r.splitName(), r.metrics().values());
        }
        body.put("metrics", results.stream().filter(r -> r.splitName().equals("test")).findFirst()
                .or(() -> results.stream().findFirst()).map(r -> (Object) r.metrics().values()).orElse(null));
        body.put("splits", splits);
        body.put("samples", store.results().devSamples(s.id(), team));
        body.put("history", store.submissions().events(s.id()).stream().map(e -> Map.of(
                "status", e.status(), "detail", e.detail() == null ? "" : e.detail(),
                "at", e.at().toString())).toList());
        ctx.json(body);
    }

    void rerun(Context ctx) {
        Team admin = auth.requireAdmin(ctx);
        Submission s = ownSubmission(admin, ctx.pathParam("id"));
        if (!store.queue().rerun(s.id(), "re-run requested by " + admin.name())) {
            throw new NotFoundException("no submission " + s.id());
        }
        wakeWorkers.run();
        ctx.json(summary(store.submissions().require(s.id())));
    }

    void baseline(Context ctx) {
        Team admin = auth.requireAdmin(ctx);
        Submission s = ownSubmission(admin, ctx.pathParam("id"));
        String value = ctx.queryParam("baseline");
        if (value == null || !(value.equals("true") || value.equals("false"))) {
            throw new InputException("query parameter 'baseline' must be true or false");
        }
        ctx.json(summary(store.submissions().markBaseline(s.id(), Boolean.parseBoolean(value))));
    }

    void mine(Context ctx) {
        Team team = auth.require(ctx);
        ctx.json(store.submissions().listForTeam(team, ctx.queryParam("benchmark")).stream()
                .map(SubmissionRoutes::summary).toList());
    }

    private Submission ownSubmission(Team team, String idText) {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no submission '" + idText + "'");
        }
        return store.submissions().find(id)
                .filter(s -> s.teamId() == team.id() || team.isAdmin())
                .orElseThrow(() -> new NotFoundException("no submission " + id + " of team " + team.name()));
    }

    static Map<String, Object> summary(Submission s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("benchmark", s.benchmarkName());
        m.put("phase", s.phaseName());
        m.put("team", s.teamName());
        m.put("method", s.metadata().method());
        m.put("status", s.status().name().toLowerCase());
        m.put("error", s.error());
        m.put("baseline", s.baseline());
        m.put("upsampled_from", s.upsampledFrom());
        m.put("submitted_at", s.createdAt().toString());
        m.put("finished_at", s.finishedAt() == null ? null : s.finishedAt().toString());
        return m;
    }

    private static boolean flag(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.strip().toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InputException("field '" + name + "' is '" + v + "', expected true or false");
        };
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove {}: {}", dir, e.toString());
        }
    }
}
