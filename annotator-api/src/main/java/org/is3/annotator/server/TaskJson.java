package org.is3.annotator.server;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.annotator.task.Lease;
import org.is3.annotator.task.Task;

/**
 * A task as the client sees it. Nothing tells a honeypot from a pipeline image: no run, no base,
 * ids from one sequence, images served through the task.
 */
final class TaskJson {
    private TaskJson() {
    }

    static Map<String, Object> of(Lease lease, BufferedImage image, Duration leaseLength) {
        Task t = lease.task();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("kind", t.kind().dbName());
        m.put("lease", lease.token());
        m.put("lease_expires", lease.expires().toString());
        m.put("lease_seconds", leaseLength.toSeconds());
        m.put("prompt", t.prompt());
        m.put("categories", List.of(t.c1(), t.c2()));
        m.put("image", ApiPaths.IMAGE.replace("{id}", Long.toString(t.id())));
        m.put("width", image.getWidth());
        m.put("height", image.getHeight());
        return m;
    }
}
