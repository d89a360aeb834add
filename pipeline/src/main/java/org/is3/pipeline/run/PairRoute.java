package org.is3.pipeline.run;

import org.apache.camel.builder.RouteBuilder;

/**
 * Two routes: a timer that feeds ANNOTATED images onto {@code jms:queue:is3.pair}, and the consumer
 * of that queue that pairs them (→ PAIRED). Transacted, retried with backoff, then dead-lettered with
 * the reason like generation; the image keeps its state and its error is recorded.
 */
final class PairRoute extends RouteBuilder {

    static final String QUEUE = "is3.pair";
    static final String ROUTE_ID = "is3-pair";
    static final String FEED_ROUTE_ID = "is3-pair-feed";

    private final PairStage stage;
    private final Failures failures;
    private final PipelineOptions options;

    PairRoute(PairStage stage, Failures failures, PipelineOptions options) {
        this.stage = stage;
        this.failures = failures;
        this.options = options;
    }

    @Override
    public void configure() {
        errorHandler(failures.deadLetterChannel(options));

        from("timer:" + FEED_ROUTE_ID + "?period=" + options.feedInterval().toMillis())
                .routeId(FEED_ROUTE_ID)
                .errorHandler(noErrorHandler())
                .process(stage::feed);

        from("jms:queue:" + QUEUE + "?transacted=true&concurrentConsumers=" + options.consumers())
                .routeId(ROUTE_ID)
                .process(stage::pair);
    }
}
