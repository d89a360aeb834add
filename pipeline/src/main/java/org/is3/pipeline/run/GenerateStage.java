package org.is3.pipeline.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.camel.Exchange;
import org.is3.core.rle.CocoRle;
import org.is3.pipeline.generate.GeneratedImage;
import org.is3.pipeline.generate.Generator;
import org.is3.pipeline.store.ImageState;
import org.is3.pipeline.store.ObjectStore;
import org.is3.pipeline.store.PipelineStore;
import org.is3.pipeline.store.StoredImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processors of the generate route: {@link #generate} draws a PLANNED image and writes its
 * files, {@link #record} marks it GENERATED (and, when the run asks for it, accepts its exact masks:
 * ANNOTATED). A message for an image that is no longer PLANNED (a
 * redelivery, or a run planned twice) stops the route without drawing anything. A run's generator
 * is made from the run's stored config, so a worker needs only the database and the broker.
 */
final class GenerateStage {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateStage.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESULT = "is3Generated";

    private record Result(GeneratedImage image, String imagePath, long millis) {
    }

    private final PipelineStore store;
    private final RunContexts runs;

    GenerateStage(PipelineStore store, RunContexts runs) {
        this.store = store;
        this.runs = runs;
    }

    void generate(Exchange exchange) {
        long runId = exchange.getIn().getHeader(Queues.RUN_HEADER, Long.class);
        String base = exchange.getIn().getHeader(Queues.BASE_HEADER, String.class);
        StoredImage image = store.image(runId, base).orElseThrow(() -> new IllegalStateException(
                "image " + base + " of run " + runId + " is not in the database"));
        if (image.state() != ImageState.PLANNED) {
            LOG.debug("{} of run {} is already {}; message skipped", base, runId, image.state());
            exchange.setRouteStop(true);
            return;
        }
        long started = System.nanoTime();
        GeneratedImage generated = runs.generator(runId).generate(image.planned());
        long millis = (System.nanoTime() - started) / 1_000_000;
        String path = runs.files(runId).write(base, generated);
        exchange.setProperty(RESULT, new Result(generated, path, millis));
    }

    void record(Exchange exchange) throws JsonProcessingException {
        long runId = exchange.getIn().getHeader(Queues.RUN_HEADER, Long.class);
        String base = exchange.getIn().getHeader(Queues.BASE_HEADER, String.class);
        Result r = exchange.getProperty(RESULT, Result.class);
        Generator generator = runs.generator(runId);
        List<ObjectStore.NewObject> auto = runs.config(runId).autoAnnotate() ? exactMasks(r.image()) : null;
        boolean changed = store.markGenerated(runId, base, generator.version(),
                JSON.writeValueAsString(r.image().params()), r.millis(), r.imagePath(), auto);
        if (!changed) {
            LOG.debug("{} of run {} was generated meanwhile by another delivery", base, runId);
        }
    }

    /**
     * With {@code auto_annotate} the generator's exact masks are accepted as the image is recorded and
     * it moves on to pairing without people (the manifest marks it auto-annotated); otherwise it now
     * waits in the annotator's verification queue.
     */
    private static List<ObjectStore.NewObject> exactMasks(GeneratedImage image) {
        return image.masks().stream()
                .map(m -> new ObjectStore.NewObject(m.category(), CocoRle.encode(m.mask(), m.height(), m.width())))
                .toList();
    }
}
