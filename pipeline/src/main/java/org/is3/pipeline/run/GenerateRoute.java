package org.is3.pipeline.run;

import org.apache.camel.builder.RouteBuilder;

/**
 * {@code jms:queue:is3.generate} → generate → record GENERATED (→ ANNOTATED with auto_annotate) →
 * {@code jms:queue:is3.embed} when the run names a SAM model (the embedding is cached for the
 * annotator). The JMS session is transacted, so a
 * worker that dies mid-image leaves its message to be redelivered; a failure is retried with
 * exponential backoff, then the original message goes to the broker's dead-letter queue carrying
 * {@link Queues#REASON_HEADER}, and the image stays PLANNED with its error recorded.
 */
final class GenerateRoute extends RouteBuilder {

    static final String QUEUE = "is3.generate";
    static final String ROUTE_ID = "is3-generate";
    static final String EMBED_ROUTE_ID = "is3-embed";

    private final GenerateStage stage;
    private final EmbedStage embed;
    private final Failures failures;
    private final PipelineOptions options;

    GenerateRoute(GenerateStage stage, EmbedStage embed, Failures failures, PipelineOptions options) {
        this.stage = stage;
        this.embed = embed;
        this.failures = failures;
        this.options = options;
    }

    @Override
    public void configure() {
        errorHandler(failures.deadLetterChannel(options));

        from("jms:queue:" + QUEUE + "?transacted=true&concurrentConsumers=" + options.consumers())
                .routeId(ROUTE_ID)
                .process(stage::generate)
                .process(stage::record)
                .filter(embed::wanted)
                    .to("jms:queue:" + EmbedStage.QUEUE)
                .end();

        from("jms:queue:" + EmbedStage.QUEUE + "?transacted=true&concurrentConsumers=1")
                .routeId(EMBED_ROUTE_ID)
                .process(embed::embed);
    }
}
