package org.is3.annotator.task;

import java.time.Instant;

/**
 * A task as the database holds it, joined with its image. For a honeypot {@code runId} and
 * {@code base} are null and {@code honeypotId} is set; callers never show either to the annotator.
 *
 * @param imagePath   the PNG, relative to the is3 home
 * @param imageState  the pipeline state of the image (null for a honeypot)
 */
public record Task(long id, TaskKind kind, Long runId, String base, Long honeypotId, String state, Long leasedBy,
                   String leaseToken, Instant leaseExpires, boolean expired, String c1, String c2, String prompt,
                   String imagePath, String imageState) {

    public boolean honeypot() {
        return honeypotId != null;
    }

    /** The category tokens in order (c1, c2). */
    public java.util.List<String> categories() {
        return java.util.List.of(c1, c2);
    }
}
