package org.is3.pipeline.broker;

import java.time.Duration;
import org.is3.core.InputException;

/**
 * How often and how late the broker redelivers a message whose consumer rolled back, before it
 * moves the message to {@link Broker#DEAD_LETTER_ADDRESS}. Applies to every address matching
 * {@link Broker#IS3_ADDRESSES}. The n-th redelivery waits {@code delay * multiplier^(n-1)}, capped
 * at {@code maxDelay}, so a worker that fails on a transient cause (GPU busy, database restarting)
 * is not hammered.
 *
 * @param maxDeliveryAttempts deliveries (the first included) before the message is dead-lettered
 */
public record Redelivery(int maxDeliveryAttempts, Duration delay, double multiplier, Duration maxDelay) {

    /** Five deliveries, waiting 1 s, 2 s, 4 s, 8 s between them. */
    public static final Redelivery DEFAULT =
            new Redelivery(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60));

    public Redelivery {
        if (maxDeliveryAttempts < 1) {
            throw new InputException("broker max delivery attempts must be at least 1, got "
                    + maxDeliveryAttempts);
        }
        if (delay == null || delay.isNegative()) {
            throw new InputException("broker redelivery delay must be zero or positive, got " + delay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new InputException("broker redelivery multiplier must be a finite number >= 1, got "
                    + multiplier);
        }
        if (maxDelay == null || maxDelay.compareTo(delay) < 0) {
            throw new InputException("broker max redelivery delay must be at least the delay "
                    + delay + ", got " + maxDelay);
        }
    }
}
