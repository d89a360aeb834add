package org.is3.eval.store;

import java.time.Instant;

/**
 * One entry of a submission's status history.
 *
 * @param status the status entered ({@code queued}, {@code running}, {@code scored}, {@code failed})
 * @param detail why: "accepted", "re-run by an admin", a worker's lease, a failure's reason
 */
public record SubmissionEvent(long id, long submissionId, String status, String detail, Instant at) {
}
