package org.is3.pipeline.run;

import java.time.Duration;
import org.is3.core.InputException;

/**
 * How the routes consume: parallel consumers of the generate queue, and how often and how late a
 * failing image is retried before its message goes to the dead-letter queue (the n-th retry waits
 * {@code retryDelay * 2^(n-1)}).
 */
public record PipelineOptions(int consumers, int retries, Duration retryDelay) {

    public static final PipelineOptions DEFAULT = new PipelineOptions(1, 3, Duration.ofSeconds(1));

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
    }
}
