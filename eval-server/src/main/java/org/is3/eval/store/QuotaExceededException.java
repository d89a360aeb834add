package org.is3.eval.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.is3.core.InputException;

/**
 * A team has used up one of its quotas in a phase (HTTP 429). The message names the quota, the
 * counts and when it resets; {@link #resetsAt()} gives the latter for a {@code Retry-After} header.
 */
public final class QuotaExceededException extends InputException {

    /** The three per-team limits of a phase. */
    public enum Quota {
        /** Non-failed submissions in the current UTC day. */
        DAILY,
        /** Non-failed submissions in the phase. */
        TOTAL,
        /** Failed submissions in the phase. */
        FAILED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Quota quota;
    private final int limit;
    private final int used;
    private final Instant resetsAt;

    QuotaExceededException(Quota quota, int limit, int used, Instant resetsAt, String message) {
        super(message);
        this.quota = quota;
        this.limit = limit;
        this.used = used;
        this.resetsAt = resetsAt;
    }

    public Quota quota() {
        return quota;
    }

    public int limit() {
        return limit;
    }

    public int used() {
        return used;
    }

    /** When the quota frees up again; empty for the total and failed quotas, which last the phase. */
    public Optional<Instant> resetsAt() {
        return Optional.ofNullable(resetsAt);
    }
}
