package org.is3.pipeline.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.is3.pipeline.generate.GeneratedImage;
import org.is3.pipeline.generate.Generator;
import org.is3.pipeline.generate.GeneratorRegistry;
import org.is3.pipeline.generate.ImageFiles;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.plan.RunConfigReader;
import org.is3.pipeline.store.ImageState;
import org.is3.pipeline.store.PipelineStore;
import org.is3.pipeline.store.StoredImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processors of the generate route: {@link #generate} draws a PLANNED image and writes its
 * files, {@link #record} marks it GENERATED. A message for an image that is no longer PLANNED (a
 * redelivery, or a run planned twice) stops the route without drawing anything. A run's generator
 * is made from the run's stored config, so a worker needs only the database and the broker.
 */
final class GenerateStage {

    static final String RUN_HEADER = "is3RunId";
    static final String BASE_HEADER = "is3Base";
    /** The JMS property that carries why a message was dead-lettered. */
    static final String REASON_HEADER = "is3FailureReason";

    private static final Logger LOG = LoggerFactory.getLogger(GenerateStage.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESULT = "is3Generated";

    private record RunContext(Generator generator, ImageFiles files) {
    }

    private record Result(GeneratedImage image, String imagePath, long millis) {
    }

    private final PipelineStore store;
    private final GeneratorRegistry registry;
    private final Path home;
    private final Map<Long, RunContext> runs = new ConcurrentHashMap<>();

    GenerateStage(PipelineStore store, GeneratorRegistry registry, Path home) {
        this.store = store;
        this.registry = registry;
        this.home = home;
    }

    void generate(Exchange exchange) {
        long runId = exchange.getIn().getHeader(RUN_HEADER, Long.class);
        String base = exchange.getIn().getHeader(BASE_HEADER, String.class);
        StoredImage image = store.image(runId, base).orElseThrow(() -> new IllegalStateException(
                "image " + base + " of run " + runId + " is not in the database"));
        if (image.state() != ImageState.PLANNED) {
            LOG.debug("{} of run {} is already {}; message skipped", base, runId, image.state());
            exchange.setRouteStop(true);
            return;
        }
        RunContext run = runs.computeIfAbsent(runId, this::context);
        long started = System.nanoTime();
        GeneratedImage generated = run.generator().generate(image.planned());
        long millis = (System.nanoTime() - started) / 1_000_000;
        String path = run.files().write(base, generated);
        exchange.setProperty(RESULT, new Result(generated, path, millis));
    }

    void record(Exchange exchange) throws JsonProcessingException {
        long runId = exchange.getIn().getHeader(RUN_HEADER, Long.class);
        String base = exchange.getIn().getHeader(BASE_HEADER, String.class);
        Result r = exchange.getProperty(RESULT, Result.class);
        Generator generator = runs.get(runId).generator();
        boolean changed = store.markGenerated(runId, base, generator.version(),
                JSON.writeValueAsString(r.image().params()), r.millis(), r.imagePath());
        if (!changed) {
            LOG.debug("{} of run {} was generated meanwhile by another delivery", base, runId);
        }
    }

    /** Called once the dead-letter channel has given up: the reason goes on the message and the row. */
    void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        exchange.getIn().setHeader(REASON_HEADER, reason);
        Long runId = exchange.getIn().getHeader(RUN_HEADER, Long.class);
        String base = exchange.getIn().getHeader(BASE_HEADER, String.class);
        if (runId != null && base != null) {
            store.markFailed(runId, base, reason);
        }
        LOG.warn("{} of run {} sent to the dead-letter queue: {}", base, runId, reason);
    }

    private RunContext context(long runId) {
        String yaml = store.runConfig(runId).orElseThrow(() -> new IllegalStateException(
                "run " + runId + " is not in the database"));
        RunConfig config = RunConfigReader.parse(yaml, null, "stored config of run " + runId);
        return new RunContext(registry.create(config), new ImageFiles(home, config.name()));
    }
}
