package org.is3.pipeline.run;

import java.time.Duration;
import org.is3.core.InputException;

/**
 * How the routes consume: parallel consumers of each queue, how often and how late a failing image
 * is retried before its message goes to the dead-letter queue (the n-th retry waits
 * {@code retryDelay * 2^(n-1)}), and how often annotated images are looked for to be paired.
 */
public record PipelineOptions(int consumers, int retries, Duration retryDelay, Duration feedInterval) {

    public static final PipelineOptions DEFAULT = new PipelineOptions(1, 3, Duration.ofSeconds(1),
            Duration.ofSeconds(1));

    public PipelineOptions {
        if (consumers < 1) {
            throw new InputException("pipeline consumers must be at least 1, got " + consumers);
        }
        if (retries < 0) {
            throw new InputException("pipeline retries must be 0 or more, got " + retries);
        }
        if (retryDelay == null || retryDelay.isNegative()) {
            throw new InputException("pipeline retry delay must be zero or positive, got " + retryDelay);
        }
        if (feedInterval == null || feedInterval.toMillis() < 1) {
            throw new InputException("pipeline feed interval must be at least 1 ms, got " + feedInterval);
        }
    }

    public PipelineOptions withConsumers(int value) {
        return new PipelineOptions(value, retries, retryDelay, feedInterval);
    }
}
