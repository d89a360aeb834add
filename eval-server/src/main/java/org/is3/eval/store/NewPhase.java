package org.is3.eval.store;

import java.time.Instant;
import java.util.Objects;
import org.is3.core.InputException;

/**
 * A phase to add to a benchmark. Each quota is a count a team stays below: with a daily quota of
 * 5 the sixth upload of a UTC day is refused (see {@link Submissions} for how failures count).
 *
 * @param closesAt null for a phase that stays open
 */
public record NewPhase(String name, Instant opensAt, Instant closesAt, int dailyQuota, int totalQuota,
                       int failedQuota, boolean leaderboardPublic) {

    public NewPhase {
        if (name == null || !NewBenchmark.NAME.matcher(name).matches()) {
            throw new InputException("phase name '" + name + "' is not valid: use 1 to 64 letters, digits,"
                    + " '.', '_' or '-', starting with a letter or digit");
        }
        Objects.requireNonNull(opensAt, "opensAt");
        if (closesAt != null && !closesAt.isAfter(opensAt)) {
            throw new InputException("phase '" + name + "' closes at " + closesAt + ", not after it opens at " + opensAt);
        }
        requireCount(name, "daily", dailyQuota);
        requireCount(name, "total", totalQuota);
        requireCount(name, "failed", failedQuota);
    }

    private static void requireCount(String phase, String quota, int value) {
        if (value < 0) {
            throw new InputException("phase '" + phase + "': the " + quota + " quota must be 0 or more, got " + value);
        }
    }
}
