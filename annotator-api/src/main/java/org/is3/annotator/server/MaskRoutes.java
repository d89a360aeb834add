package org.is3.annotator.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.is3.annotator.auth.Account;
import org.is3.annotator.auth.Role;
import org.is3.annotator.segment.Click;
import org.is3.annotator.segment.PromptBox;
import org.is3.annotator.segment.Proposal;
import org.is3.annotator.segment.SegmentRequest;
import org.is3.annotator.segment.Segmenter;
import org.is3.annotator.task.Task;
import org.is3.annotator.task.TaskKind;
import org.is3.annotator.task.TaskQueue;
import org.is3.annotator.work.SubmittedObject;
import org.is3.annotator.work.Submissions;
import org.is3.core.InputException;
import org.is3.core.rle.CocoRle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mask proposals from the segmenter, click by click, and the submit of both objects' masks. */
final class MaskRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(MaskRoutes.class);
    private final TaskQueue queue;
    private final Submissions submissions;
    private final Segmenter segmenter;
    private final RequestAuth auth;
    private final ImageStore images;
    private final int maxClicks;
    /** Proposals are CPU-bound: at most one per core at a time, the rest wait (up to 30 s, then 503). */
    private final Semaphore proposing = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    MaskRoutes(TaskQueue queue, Submissions submissions, Segmenter segmenter, RequestAuth auth, ImageStore images,
               int maxClicks) {
        this.queue = queue;
        this.submissions = submissions;
        this.segmenter = segmenter;
        this.auth = auth;
        this.images = images;
        this.maxClicks = maxClicks;
    }

    void propose(Context ctx) throws InterruptedException {
        Account a = auth.require(ctx, Role.ANNOTATOR);
        Task t = queue.held(a, JsonRequest.taskId(ctx), null);
        if (t.kind() == TaskKind.VERIFY) {
            throw new InputException("task " + t.id() + " is a verify task; proposals are for annotate and review tasks");
        }
        JsonRequest body = JsonRequest.of(ctx);
        String category = body.optionalText("category", 200);
        if (category != null && !t.categories().contains(category)) {
            throw new InputException("category: '" + category + "' is not one of " + t.categories());
        }
        BufferedImage image = images.image(t);
        int w = image.getWidth();
        int h = image.getHeight();
        List<Click> clicks = clicks(body.node("clicks"), w, h);
        Optional<PromptBox> box = box(body.node("box"), w, h);
        Optional<boolean[]> previous = Optional.ofNullable(body.node("previous"))
                .map(n -> CocoRle.parse(h, w, previousCounts(n, h, w), "previous").decode());
        if (!proposing.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new ApiError(503, "the segmenter is busy; try again");
        }
        Proposal p;
        try {
            p = segmenter.propose(new SegmentRequest(t.imagePath(), image, clicks, box, previous));
        } finally {
            proposing.release();
        }
        CocoRle rle = CocoRle.encode(p.mask(), h, w);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mask", MaskJson.json(rle));
        out.put("area", rle.area());
        double[] b = rle.bbox();
        out.put("box", List.of((int) b[0], (int) b[1], (int) b[2], (int) b[3]));
        out.put("latency_ms", Math.round(p.latencyMillis() * 10) / 10.0);
        out.put("segmenter", p.segmenter());
        ctx.json(out);
    }

    private List<Click> clicks(JsonNode node, int w, int h) {
        if (node == null || !node.isArray()) {
            throw new InputException("clicks: expected an array of {\"x\", \"y\", \"positive\"}");
        }
        if (node.size() > maxClicks) {
            throw new InputException("clicks: at most " + maxClicks + " per proposal, got " + node.size());
        }
        List<Click> clicks = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            String f = "clicks[" + i + "]";
            if (!c.isObject()) {
                throw new InputException(f + ": expected {\"x\", \"y\", \"positive\"}");
            }
            int x = JsonRequest.integer(c.get("x"), f + ".x");
            int y = JsonRequest.integer(c.get("y"), f + ".y");
            if (x < 0 || y < 0 || x >= w || y >= h) {
                throw new InputException(f + ": (" + x + ", " + y + ") is outside the " + w + "×" + h + " image");
            }
            JsonNode pos = c.get("positive");
            if (pos != null && !pos.isBoolean()) {
                throw new InputException(f + ".positive: expected true or false");
            }
            clicks.add(new Click(x, y, pos == null || pos.booleanValue()));
        }
        return clicks;
    }

    private static Optional<PromptBox> box(JsonNode node, int w, int h) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isArray() || node.size() != 4) {
            throw new InputException("box: expected [x, y, width, height]");
        }
        int x = JsonRequest.integer(node.get(0), "box[0]");
        int y = JsonRequest.integer(node.get(1), "box[1]");
        int bw = JsonRequest.integer(node.get(2), "box[2]");
        int bh = JsonRequest.integer(node.get(3), "box[3]");
        if (x < 0 || y < 0 || bw <= 0 || bh <= 0 || (long) x + bw > w || (long) y + bh > h) {
            throw new InputException("box: [" + x + ", " + y + ", " + bw + ", " + bh + "] is not a non-empty box inside the "
                    + w + "×" + h + " image");
        }
        return Optional.of(new PromptBox(x, y, bw, bh));
    }

    private static String previousCounts(JsonNode n, int h, int w) {
        JsonNode size = n.get("size");
        if (size == null || !size.isArray() || size.size() != 2 || size.get(0).asInt(-1) != h || size.get(1).asInt(-1) != w) {
            throw new InputException("previous.size: expected [" + h + ", " + w + "]");
        }
        JsonNode counts = n.get("counts");
        if (counts == null || !counts.isTextual()) {
            throw new InputException("previous.counts: expected the compressed counts string");
        }
        return counts.textValue();
    }

    void submit(Context ctx) {
        Account a = auth.require(ctx, Role.ANNOTATOR);
        long id = JsonRequest.taskId(ctx);
        Task t = queue.held(a, id, TaskKind.ANNOTATE);
        JsonRequest body = JsonRequest.of(ctx);
        String lease = body.text("lease", 100);
        JsonNode objects = body.node("objects");
        if (objects == null || !objects.isArray() || objects.size() != 2) {
            throw new InputException("objects: expected one {\"category\", \"mask\"} per category of the image (2)");
        }
        BufferedImage image = images.image(t);
        List<SubmittedObject> parsed = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode o = objects.get(i);
            String f = "objects[" + i + "]";
            if (!o.isObject() || o.get("category") == null) {
                throw new InputException(f + ": expected {\"category\", \"mask\", \"clicks\"}");
            }
            String category = JsonRequest.text(o.get("category"), f + ".category", 200);
            int clicks = o.get("clicks") == null ? 0 : JsonRequest.integer(o.get("clicks"), f + ".clicks");
            parsed.add(new SubmittedObject(category, MaskJson.parse(o.get("mask"), image.getHeight(), image.getWidth(),
                    f + ".mask"), Math.max(0, clicks)));
        }
        List<Long> ids = submissions.submit(a, id, lease, parsed);
        LOG.info("task {} submitted by {} (submissions {})", id, a.name(), ids);
        ctx.status(201).json(Map.of("id", id, "submissions", ids));
    }
}
