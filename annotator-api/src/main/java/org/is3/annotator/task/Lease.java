package org.is3.annotator.task;

import java.time.Instant;

/** A task held by one account until {@code expires} (extended by heartbeats); {@code token} names this lease. */
public record Lease(Task task, String token, Instant expires) {
}
