package org.is3.pipeline.run;

import org.apache.camel.builder.RouteBuilder;
import org.is3.pipeline.broker.Broker;

/**
 * {@code jms:queue:is3.generate} → generate → record GENERATED → (auto_annotate) ANNOTATED. The JMS session is transacted, so a
 * worker that dies mid-image leaves its message to be redelivered; a failure is retried with
 * exponential backoff, then the original message goes to the broker's dead-letter queue carrying
 * {@link Queues#REASON_HEADER}, and the image stays PLANNED with its error recorded.
 */
final class GenerateRoute extends RouteBuilder {

    static final String QUEUE = "is3.generate";
    static final String ROUTE_ID = "is3-generate";

    private final GenerateStage stage;
    private final Failures failures;
    private final PipelineOptions options;

    GenerateRoute(GenerateStage stage, Failures failures, PipelineOptions options) {
        this.stage = stage;
        this.failures = failures;
        this.options = options;
    }

    @Override
    public void configure() {
        errorHandler(deadLetterChannel("jms:queue:" + Broker.DEAD_LETTER_ADDRESS)
                .useOriginalMessage()
                .maximumRedeliveries(options.retries())
                .redeliveryDelay(Math.max(1, options.retryDelay().toMillis()))
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .onPrepareFailure(failures::record)
                .logExhausted(false));

        from("jms:queue:" + QUEUE + "?transacted=true&concurrentConsumers=" + options.consumers())
                .routeId(ROUTE_ID)
                .process(stage::generate)
                .process(stage::record);
    }
}
