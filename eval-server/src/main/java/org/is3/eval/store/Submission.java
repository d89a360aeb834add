package org.is3.eval.store;

import java.time.Instant;

/**
 * A submission as stored; it is also the scoring queue's job.
 *
 * @param upsampledFrom the maps' original resolution when the server upsampled them, or null
 * @param filePath      relative to {@code <home>/submissions}
 * @param error         why scoring failed, or null
 * @param finishedAt    when it was scored or failed, or null
 */
public record Submission(long id, long teamId, String teamName, long phaseId, String phaseName, long benchmarkId,
                         String benchmarkName, SubmissionMetadata metadata, boolean baseline, String upsampledFrom,
                         String filePath, long fileBytes, SubmissionStatus status, String error, int attempts,
                         Instant createdAt, Instant finishedAt) {
}
