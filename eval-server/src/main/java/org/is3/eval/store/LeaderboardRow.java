package org.is3.eval.store;

import java.time.Instant;

/**
 * One scored submission on a split's leaderboard.
 *
 * @param teamBest      whether this is its team's best entry on the split by cIoU (ties: the earlier)
 * @param upsampledFrom the maps' original resolution when the server upsampled them, or null
 */
public record LeaderboardRow(long submissionId, long teamId, String teamName, String phaseName,
                             SubmissionMetadata metadata, boolean baseline, String upsampledFrom,
                             Instant submittedAt, Metrics metrics, boolean teamBest) {

    LeaderboardRow asTeamBest() {
        return new LeaderboardRow(submissionId, teamId, teamName, phaseName, metadata, baseline, upsampledFrom,
                submittedAt, metrics, true);
    }
}
