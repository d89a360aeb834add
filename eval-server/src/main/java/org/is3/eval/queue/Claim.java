package org.is3.eval.queue;

import java.time.Duration;

/**
 * A submission held by one worker under a lease. The pair ({@code workerId}, {@code attempt}) is
 * the claim's token: every later write for it (heartbeat, complete, fail) only lands while the row
 * still carries both, so a worker whose lease expired and was taken over can no longer change it.
 *
 * @param submissionId the claimed submission
 * @param benchmarkId  the benchmark of the submission's phase
 * @param filePath     the submission file, relative to {@code <home>/submissions}
 * @param upsample     the upload holds maps smaller than 224×224, accepted to be upsampled
 *                     ({@code eval_submission.upsampled_from})
 * @param workerId     who holds the lease
 * @param attempt      1 for the first claim, counting every claim since the submission was queued or re-run
 * @param lease        how long the lease lasts from the claim or the latest heartbeat
 */
public record Claim(long submissionId, long benchmarkId, String filePath, boolean upsample, String workerId,
                    int attempt, Duration lease) {
}
