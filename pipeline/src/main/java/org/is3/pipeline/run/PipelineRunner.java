package org.is3.pipeline.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.is3.core.InputException;
import org.is3.db.Database;
import org.is3.pipeline.audio.AudioSources;
import org.is3.pipeline.broker.Broker;
import org.is3.pipeline.generate.Generator;
import org.is3.pipeline.generate.GeneratorRegistry;
import org.is3.pipeline.plan.Planner;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.plan.RunConfigReader;
import org.is3.pipeline.store.AudioStore;
import org.is3.pipeline.store.ImageKey;
import org.is3.pipeline.store.ImageState;
import org.is3.pipeline.store.PipelineStore;
import org.is3.pipeline.store.RunCounts;
import org.is3.pipeline.store.StoredImage;

/**
 * The pipeline in one process (issue 4): {@link #plan} stores a run and queues its images, and the
 * Camel routes started here run the machine stages — generate (→ GENERATED, or ANNOTATED with
 * auto-annotation), embed (optional: SAM embeddings cached for the annotator) and pair audio
 * (ANNOTATED → PAIRED). Verification and annotation happen in the
 * annotator in between; export is {@link org.is3.pipeline.export.ReleaseWriter}. The database and
 * broker are the caller's; {@link #close} stops only the routes. Any number of processes on the same
 * database and broker may run routes (that is what {@code pipeline worker} does); they share the
 * durable queues.
 */
public final class PipelineRunner implements AutoCloseable {

    private static final long SHUTDOWN_SECONDS = 10;
    private static final long POLL_MILLIS = 50;

    private final PipelineStore store;
    private final Broker broker;
    private final GeneratorRegistry registry;
    private final CamelContext camel;
    private final EmbedStage embed;

    private PipelineRunner(PipelineStore store, Broker broker, GeneratorRegistry registry, CamelContext camel,
                           EmbedStage embed) {
        this.store = store;
        this.broker = broker;
        this.registry = registry;
        this.camel = camel;
        this.embed = embed;
    }

    /** Starts the routes with the generators on the class path and default options. */
    public static PipelineRunner start(Database database, Broker broker, Path home) {
        return start(database, broker, home, GeneratorRegistry.load(), PipelineOptions.DEFAULT);
    }

    public static PipelineRunner start(Database database, Broker broker, Path home, GeneratorRegistry registry,
                                       PipelineOptions options) {
        PipelineStore store = new PipelineStore(database.dataSource());
        RunContexts runs = new RunContexts(store, registry, home);
        Failures failures = new Failures(store);
        EmbedStage embed = new EmbedStage(store, runs);
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("jms", JmsComponent.jmsComponent(broker.connectionFactory()));
        camel.getShutdownStrategy().setTimeout(SHUTDOWN_SECONDS);
        try {
            camel.addRoutes(new GenerateRoute(new GenerateStage(store, runs), embed, failures, options));
            camel.addRoutes(new PairRoute(new PairStage(store, new AudioStore(database.dataSource()), runs,
                    broker.connectionFactory()), failures, options));
            camel.start();
        } catch (Exception e) {
            camel.stop();
            throw new IllegalStateException("starting the pipeline routes failed: " + e.getMessage(), e);
        }
        return new PipelineRunner(store, broker, registry, camel, embed);
    }

    /**
     * Stores the run (or finds it, when planned before with the same config), inserts its images
     * that are not stored yet, and queues every image still PLANNED, clearing earlier failures so
     * they are tried again (annotated images that failed pairing go back to the pairing feed).
     * Planning a run again therefore resumes it and never duplicates an image.
     *
     * @return the run's id
     * @throws InputException for a config the planner, its generator or its audio source refuses, or
     *     a run name already used with another config
     */
    public long plan(RunConfig config) {
        Generator generator = registry.create(config);
        if (config.autoAnnotate() && !generator.drawsMasks()) {
            throw new InputException("run " + config.name() + ": auto_annotate needs a generator that draws"
                    + " exact masks (shapes); '" + config.generator() + "' images are annotated by people");
        }
        AudioSources.create(config);
        if (config.embedModelDir() != null && !java.nio.file.Files.isDirectory(config.embedModelDir())) {
            throw new InputException("run " + config.name() + ": embed_model_dir " + config.embedModelDir()
                    + " is not a directory (a SAM model, see docs/models.md)");
        }
        long runId = store.createRun(config.name(), config.seed(), RunConfigReader.toYaml(config));
        store.insertPlanned(runId, config.generator(), Planner.plan(config));
        store.clearFailures(runId);
        List<ImageKey> waiting = store.images(runId).stream()
                .filter(i -> i.state() == ImageState.PLANNED)
                .map(i -> new ImageKey(runId, i.planned().base()))
                .toList();
        Queues.send(broker.connectionFactory(), GenerateRoute.QUEUE, waiting);
        return runId;
    }

    public RunCounts counts(long runId) {
        return store.counts(runId);
    }

    public List<StoredImage> images(long runId) {
        return store.images(runId);
    }

    /**
     * Waits until the machine stages have nothing left to do for the run: every image is generated
     * and every annotated image paired, or has failed for good (its message dead-lettered). Images
     * waiting for people (GENERATED, APPROVED) do not count as work.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitIdle(long runId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            RunCounts counts = store.counts(runId);
            boolean idle = counts.count(ImageState.PLANNED) == counts.failed(ImageState.PLANNED)
                    && counts.count(ImageState.ANNOTATED) == counts.failed(ImageState.ANNOTATED);
            if (idle && camel.getInflightRepository().size() == 0) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Stops the routes, letting messages in flight finish for up to 10 s. */
    @Override
    public void close() {
        camel.stop();
        embed.close();
    }
}
