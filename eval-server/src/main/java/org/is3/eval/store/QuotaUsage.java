package org.is3.eval.store;

import java.time.Instant;

/**
 * A team's submissions in a phase at one instant, against the phase's quotas.
 *
 * <p>As in EvalAI, a failed submission does not consume the daily or total quota (a broken file
 * should not cost a team its day), but failures have their own cap so nobody probes the hidden
 * ground truth with deliberately failing uploads (peers.md, Leaderboards). Each quota is a count
 * to stay below: a team at {@code failedQuota} failures can submit no more in the phase, however
 * many daily and total submissions it has left. An admin's re-run of a failed submission turns it
 * back into a queued one.
 *
 * @param today     non-failed submissions created since {@code dayStart}
 * @param total     non-failed submissions in the phase
 * @param failed    failed submissions in the phase
 * @param dayStart  start of the current UTC day
 */
public record QuotaUsage(String teamName, Phase phase, int today, int total, int failed, Instant dayStart) {

    /** When the daily count starts again from zero: the next UTC midnight. */
    public Instant dayResetsAt() {
        return dayStart.plusSeconds(86_400);
    }

    public int dailyLeft() {
        return Math.max(0, phase.dailyQuota() - today);
    }

    public int totalLeft() {
        return Math.max(0, phase.totalQuota() - total);
    }

    public int failedLeft() {
        return Math.max(0, phase.failedQuota() - failed);
    }

    /**
     * Passes when one more submission fits every quota.
     *
     * @throws QuotaExceededException naming the first quota used up: failed, total, then daily
     */
    public void requireRoom() {
        String where = "team '" + teamName + "' in " + phase.describe();
        if (failed >= phase.failedQuota()) {
            throw new QuotaExceededException(QuotaExceededException.Quota.FAILED, phase.failedQuota(), failed, null,
                    "failed quota used up: " + where + " has " + failed + " failed submission(s), its cap is "
                            + phase.failedQuota() + " (failures do not count against the daily and total quotas"
                            + " but have this cap of their own); it does not reset in this phase, an admin can"
                            + " re-run failed submissions");
        }
        if (total >= phase.totalQuota()) {
            throw new QuotaExceededException(QuotaExceededException.Quota.TOTAL, phase.totalQuota(), total, null,
                    "total quota used up: " + where + " has " + total + " submission(s), its total quota is "
                            + phase.totalQuota() + "; it does not reset in this phase");
        }
        if (today >= phase.dailyQuota()) {
            throw new QuotaExceededException(QuotaExceededException.Quota.DAILY, phase.dailyQuota(), today,
                    dayResetsAt(), "daily quota used up: " + where + " has " + today
                            + " submission(s) today (UTC), its daily quota is " + phase.dailyQuota()
                            + "; it resets at " + dayResetsAt());
        }
    }
}
