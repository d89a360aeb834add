package org.is3.annotator.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.is3.annotator.auth.Account;
import org.is3.annotator.auth.Role;
import org.is3.annotator.mask.MaskIou;
import org.is3.annotator.task.Lease;
import org.is3.annotator.task.Task;
import org.is3.annotator.task.TaskKind;
import org.is3.annotator.task.TaskQueue;
import org.is3.annotator.work.Reviews;
import org.is3.annotator.work.StoredMask;
import org.is3.annotator.work.Verifications;
import org.is3.core.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pulling work, keeping it, seeing its image, verifying, reviewing. */
final class TaskRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRoutes.class);
    private final TaskQueue queue;
    private final Verifications verifications;
    private final Reviews reviews;
    private final RequestAuth auth;
    private final ImageStore images;

    TaskRoutes(TaskQueue queue, Verifications verifications, Reviews reviews, RequestAuth auth, ImageStore images) {
        this.queue = queue;
        this.verifications = verifications;
        this.reviews = reviews;
        this.auth = auth;
        this.images = images;
    }

    void next(Context ctx) {
        String kindParam = ctx.queryParam("kind");
        if (kindParam == null) {
            throw new InputException("kind: required (verify, annotate or review)");
        }
        TaskKind kind = TaskKind.fromName(kindParam);
        Account a = auth.require(ctx, kind == TaskKind.REVIEW ? Role.REVIEWER : Role.ANNOTATOR);
        Optional<Lease> lease = queue.next(a, kind);
        if (lease.isEmpty()) {
            ctx.status(204);
            return;
        }
        LOG.debug("task {} ({}) leased to {} until {}", lease.get().task().id(), kind.dbName(), a.name(),
                lease.get().expires());
        ctx.json(TaskJson.of(lease.get(), images.image(lease.get().task()), queue.settings().lease()));
    }

    void heartbeat(Context ctx) {
        Account a = auth.require(ctx, Role.ANNOTATOR);
        long id = JsonRequest.taskId(ctx);
        String lease = JsonRequest.of(ctx).text("lease", 100);
        ctx.json(Map.of("id", id, "lease_expires", queue.heartbeat(a, id, lease).toString()));
    }

    void release(Context ctx) {
        Account a = auth.require(ctx, Role.ANNOTATOR);
        long id = JsonRequest.taskId(ctx);
        queue.release(a, id, JsonRequest.of(ctx).text("lease", 100));
        ctx.status(204);
    }

    void image(Context ctx) throws IOException {
        Account a = auth.require(ctx, Role.ANNOTATOR);
        Task t = queue.held(a, JsonRequest.taskId(ctx), null);
        ctx.contentType("image/png");
        ctx.header("Cache-Control", "private, max-age=600");
        try (InputStream in = Files.newInputStream(images.path(t))) {
            ctx.result(in.readAllBytes());
        }
    }

    void verify(Context ctx) {
        Account a = auth.require(ctx, Role.ANNOTATOR);
        long id = JsonRequest.taskId(ctx);
        JsonRequest body = JsonRequest.of(ctx);
        String lease = body.text("lease", 100);
        String decision = body.text("decision", 10);
        if (!decision.equals("approve") && !decision.equals("reject")) {
            throw new InputException("decision: expected approve or reject, got '" + decision + "'");
        }
        String reason = body.optionalText("reason", 2000);
        long vid = verifications.decide(a, id, lease, decision.equals("approve"), reason);
        LOG.info("task {} {}d by {} (verification {})", id, decision, a.name(), vid);
        ctx.json(Map.of("id", id, "verification", vid, "decision", decision));
    }

    void candidates(Context ctx) {
        Account a = auth.require(ctx, Role.REVIEWER);
        Map<String, List<StoredMask>> byCategory = reviews.candidates(a, JsonRequest.taskId(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<StoredMask>> e : byCategory.entrySet()) {
            List<boolean[]> decoded = e.getValue().stream().map(m -> m.rle().decode()).toList();
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                StoredMask m = e.getValue().get(i);
                double best = 0;
                for (int j = 0; j < decoded.size(); j++) {
                    best = j == i ? best : Math.max(best, MaskIou.of(decoded.get(i), decoded.get(j)));
                }
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("submission", m.id());
                c.put("by", m.userName());
                c.put("mask", MaskJson.json(m.rle()));
                c.put("best_iou_with_others", best);
                list.add(c);
            }
            out.put(e.getKey(), list);
        }
        ctx.json(Map.of("candidates", out));
    }

    void review(Context ctx) {
        Account a = auth.require(ctx, Role.REVIEWER);
        long id = JsonRequest.taskId(ctx);
        JsonRequest body = JsonRequest.of(ctx);
        String lease = body.text("lease", 100);
        var choices = body.node("choices");
        if (choices == null || !choices.isObject() || choices.size() > 2) {
            throw new InputException("choices: expected {\"<category>\": <submission id>, …} for both categories");
        }
        Map<String, Long> chosen = new LinkedHashMap<>();
        choices.fields().forEachRemaining(e -> chosen.put(e.getKey(),
                (long) JsonRequest.integer(e.getValue(), "choices." + e.getKey())));
        reviews.resolve(a, id, lease, chosen);
        LOG.info("review task {} resolved by {}: {}", id, a.name(), chosen);
        ctx.json(Map.of("id", id, "accepted", chosen));
    }
}
