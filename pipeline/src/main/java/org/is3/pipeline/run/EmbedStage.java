package org.is3.pipeline.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.is3.models.runtime.DjlRuntime;
import org.is3.models.sam.SamPredictor;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.store.PipelineStore;
import org.is3.pipeline.store.StoredImage;

/**
 * The optional embed stage: runs the SAM image encoder once per generated image and stores the
 * embedding in the cache the annotator's {@code sam} segmenter reads ({@code <home>/cache/sam}), so
 * an annotator's first click is a decoder-only call. The cache is keyed by the image's pixels, so a
 * redelivery finds the embedding and does nothing. Only runs whose config names
 * {@code embed_model_dir} send images here; with GrabCut there is nothing to precompute.
 */
final class EmbedStage {

    static final String QUEUE = "is3.embed";

    private final PipelineStore store;
    private final RunContexts runs;
    private final Map<Path, SamPredictor> predictors = new ConcurrentHashMap<>();

    EmbedStage(PipelineStore store, RunContexts runs) {
        this.store = store;
        this.runs = runs;
    }

    /** Whether the generate route should pass this run's images on to the embed queue. */
    boolean wanted(Exchange exchange) {
        long runId = exchange.getIn().getHeader(Queues.RUN_HEADER, Long.class);
        RunConfig config = runs.config(runId);
        return config.embedModelDir() != null && !config.autoAnnotate();
    }

    void embed(Exchange exchange) {
        long runId = exchange.getIn().getHeader(Queues.RUN_HEADER, Long.class);
        String base = exchange.getIn().getHeader(Queues.BASE_HEADER, String.class);
        StoredImage image = store.image(runId, base).orElseThrow(() -> new IllegalStateException(
                "image " + base + " of run " + runId + " is not in the database"));
        Path modelDir = runs.config(runId).embedModelDir();
        SamPredictor sam = predictors.computeIfAbsent(modelDir, dir -> SamPredictor.load(dir,
                SamPredictor.defaultCacheDir(runs.home()), DjlRuntime.device()));
        sam.precompute(runs.home().resolve(image.imagePath()));
    }

    void close() {
        predictors.values().forEach(SamPredictor::close);
    }
}
