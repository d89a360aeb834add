package org.is3.pipeline.run;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.is3.db.Database;
import org.is3.pipeline.broker.Broker;
import org.is3.pipeline.generate.GeneratorRegistry;
import org.is3.pipeline.plan.PlannedImage;
import org.is3.pipeline.plan.Planner;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.plan.RunConfigReader;
import org.is3.pipeline.store.ImageState;
import org.is3.pipeline.store.PipelineStore;
import org.is3.pipeline.store.RunCounts;
import org.is3.pipeline.store.StoredImage;

/**
 * The pipeline in one process (issue 4): {@link #plan} stores a run and queues its images, and the
 * Camel routes started here generate them. The database and broker are the caller's; {@link #close}
 * stops only the routes. Any number of processes on the same database and broker may run routes;
 * they share the durable queue.
 */
public final class PipelineRunner implements AutoCloseable {

    private static final long SHUTDOWN_SECONDS = 10;
    private static final long POLL_MILLIS = 50;

    private final PipelineStore store;
    private final Broker broker;
    private final GeneratorRegistry registry;
    private final CamelContext camel;

    private PipelineRunner(PipelineStore store, Broker broker, GeneratorRegistry registry, CamelContext camel) {
        this.store = store;
        this.broker = broker;
        this.registry = registry;
        this.camel = camel;
    }

    /** Starts the routes with the generators on the class path and default options. */
    public static PipelineRunner start(Database database, Broker broker, Path home) {
        return start(database, broker, home, GeneratorRegistry.load(), PipelineOptions.DEFAULT);
    }

    public static PipelineRunner start(Database database, Broker broker, Path home, GeneratorRegistry registry,
                                       PipelineOptions options) {
        PipelineStore store = new PipelineStore(database.dataSource());
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("jms", JmsComponent.jmsComponent(broker.connectionFactory()));
        camel.getShutdownStrategy().setTimeout(SHUTDOWN_SECONDS);
        try {
            camel.addRoutes(new GenerateRoute(new GenerateStage(store, registry, home), options));
            camel.start();
        } catch (Exception e) {
            camel.stop();
            throw new IllegalStateException("starting the pipeline routes failed: " + e.getMessage(), e);
        }
        return new PipelineRunner(store, broker, registry, camel);
    }

    /**
     * Stores the run (or finds it, when planned before with the same config), inserts its images
     * that are not stored yet, and queues every image still PLANNED, clearing earlier failures so
     * they are tried again. Planning a run again therefore resumes it and never duplicates an image.
     *
     * @return the run's id
     * @throws org.is3.core.InputException for a config the planner or its generator refuses, or a
     *     run name already used with another config
     */
    public long plan(RunConfig config) {
        registry.create(config);
        List<PlannedImage> images = Planner.plan(config);
        long runId = store.createRun(config.name(), config.seed(), RunConfigReader.toYaml(config));
        store.insertPlanned(runId, config.generator(), images);
        store.clearFailures(runId);
        List<String> waiting = store.images(runId).stream()
                .filter(i -> i.state() == ImageState.PLANNED)
                .map(i -> i.planned().base())
                .toList();
        send(runId, waiting);
        return runId;
    }

    public RunCounts counts(long runId) {
        return store.counts(runId);
    }

    public List<StoredImage> images(long runId) {
        return store.images(runId);
    }

    /**
     * Waits until every image of the run is generated or has failed for good.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitIdle(long runId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            RunCounts counts = store.counts(runId);
            if (counts.count(ImageState.PLANNED) == counts.failed() && camel.getInflightRepository().size() == 0) {
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
    }

    /** One persistent message per image, committed together: all are queued or none. */
    private void send(long runId, List<String> bases) {
        try (Connection connection = broker.connectionFactory().createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(GenerateRoute.QUEUE));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (String base : bases) {
                Message m = session.createTextMessage(base);
                m.setLongProperty(GenerateStage.RUN_HEADER, runId);
                m.setStringProperty(GenerateStage.BASE_HEADER, base);
                producer.send(m);
            }
            session.commit();
        } catch (JMSException e) {
            throw new IllegalStateException("queueing " + bases.size() + " images of run " + runId
                    + " on " + GenerateRoute.QUEUE + " failed: " + e.getMessage(), e);
        }
    }
}
