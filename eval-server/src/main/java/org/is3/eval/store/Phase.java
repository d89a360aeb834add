package org.is3.eval.store;

import java.time.Instant;

/**
 * A phase as stored: a window of time in which teams submit to a benchmark, with its quotas
 * (per team) and whether its leaderboard is public.
 *
 * @param closesAt null for a phase that stays open
 */
public record Phase(long id, long benchmarkId, String benchmarkName, String name, Instant opensAt, Instant closesAt,
                    int dailyQuota, int totalQuota, int failedQuota, boolean leaderboardPublic) {

    /** Open at {@code t}: opened at or before it, and not yet closed. */
    public boolean isOpenAt(Instant t) {
        return !t.isBefore(opensAt) && !isClosedAt(t);
    }

    /** Closed at {@code t}: its close time has come (a private split's results are revealed from then on). */
    public boolean isClosedAt(Instant t) {
        return closesAt != null && !t.isBefore(closesAt);
    }

    /** "phase 'x' of benchmark 'y'", for messages. */
    public String describe() {
        return "phase '" + name + "' of benchmark '" + benchmarkName + "'";
    }
}
