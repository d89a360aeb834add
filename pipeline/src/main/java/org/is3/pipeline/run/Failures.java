package org.is3.pipeline.run;

import org.apache.camel.Exchange;
import org.apache.camel.builder.DeadLetterChannelBuilder;
import org.is3.pipeline.broker.Broker;
import org.is3.pipeline.store.PipelineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a route does once its dead-letter channel has given up on a message: the reason goes on the
 * message ({@link Queues#REASON_HEADER}, shown by {@code pipeline status}) and on the image row.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private final PipelineStore store;

    Failures(PipelineStore store) {
        this.store = store;
    }

    /**
     * The error handler every stage route uses: retried with exponential backoff, then the original
     * message goes to the dead-letter queue with the reason ({@link #record}).
     */
    DeadLetterChannelBuilder deadLetterChannel(PipelineOptions options) {
        DeadLetterChannelBuilder dlc = new DeadLetterChannelBuilder("jms:queue:" + Broker.DEAD_LETTER_ADDRESS);
        dlc.useOriginalMessage()
                .maximumRedeliveries(options.retries())
                .redeliveryDelay(Math.max(1, options.retryDelay().toMillis()))
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .onPrepareFailure(this::record)
                .logExhausted(false);
        return dlc;
    }

    void record(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        exchange.getIn().setHeader(Queues.REASON_HEADER, reason);
        Long runId = exchange.getIn().getHeader(Queues.RUN_HEADER, Long.class);
        String base = exchange.getIn().getHeader(Queues.BASE_HEADER, String.class);
        if (runId != null && base != null) {
            store.markFailed(runId, base, reason);
        }
        LOG.warn("{} of run {} sent to the dead-letter queue from {}: {}", base, runId,
                exchange.getFromRouteId(), reason);
    }
}
