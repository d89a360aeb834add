package org.is3.annotator.task;

import java.time.Duration;

/**
 * @param lease         how long a pulled task stays the caller's without a heartbeat
 * @param overlap       k: annotators per image (their masks must agree, else review)
 * @param honeypotRate  chance that an annotate pull gets a honeypot (when real work exists)
 */
public record QueueSettings(Duration lease, int overlap, double honeypotRate) {
    public QueueSettings {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, got " + lease);
        }
        if (overlap < 1 || overlap > 10) {
            throw new IllegalArgumentException("overlap must be 1..10, got " + overlap);
        }
        if (!(honeypotRate >= 0 && honeypotRate <= 0.5)) {
            throw new IllegalArgumentException("honeypot rate must be 0..0.5, got " + honeypotRate);
        }
    }
}
