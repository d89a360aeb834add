package org.is3.pipeline.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.is3.pipeline.audio.PairedAudio;
import org.is3.pipeline.audio.Pairing;
import org.is3.pipeline.generate.ImageFiles;
import org.is3.pipeline.store.AudioStore;
import org.is3.pipeline.store.ImageKey;
import org.is3.pipeline.store.ImageState;
import org.is3.pipeline.store.PipelineStore;
import org.is3.pipeline.store.StoredAudio;
import org.is3.pipeline.store.StoredImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processors of pairing: {@link #feed} moves ANNOTATED images (by people or auto-annotation) onto
 * the pairing queue, {@link #pair} draws and writes the four clips of each of an image's two
 * instances and marks it PAIRED. A message for an image that is no longer ANNOTATED stops without
 * drawing anything; the draws are seeded per instance, so a redelivery writes the same files.
 */
final class PairStage {

    static final int FEED_BATCH = 200;

    private static final Logger LOG = LoggerFactory.getLogger(PairStage.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelineStore store;
    private final AudioStore audio;
    private final RunContexts runs;
    private final ConnectionFactory broker;

    PairStage(PipelineStore store, AudioStore audio, RunContexts runs, ConnectionFactory broker) {
        this.store = store;
        this.audio = audio;
        this.runs = runs;
        this.broker = broker;
    }

    void feed(Exchange exchange) {
        List<ImageKey> claimed;
        while (!(claimed = audio.claimForPairing(FEED_BATCH)).isEmpty()) {
            try {
                Queues.send(broker, PairRoute.QUEUE, claimed);
            } catch (RuntimeException e) {
                audio.unclaim(claimed);
                throw e;
            }
        }
    }

    void pair(Exchange exchange) throws JsonProcessingException {
        long runId = exchange.getIn().getHeader(Queues.RUN_HEADER, Long.class);
        String base = exchange.getIn().getHeader(Queues.BASE_HEADER, String.class);
        StoredImage image = store.image(runId, base).orElseThrow(() -> new IllegalStateException(
                "image " + base + " of run " + runId + " is not in the database"));
        if (image.state() != ImageState.ANNOTATED) {
            LOG.debug("{} of run {} is already {}; pairing message skipped", base, runId, image.state());
            exchange.setRouteStop(true);
            return;
        }
        Pairing pairing = runs.pairing(runId);
        ImageFiles files = runs.files(runId);
        String c1 = image.planned().c1();
        String c2 = image.planned().c2();
        List<StoredAudio> rows = new ArrayList<>();
        for (String[] t : new String[][] {{c1, c2}, {c2, c1}}) {
            String instance = base + "_" + t[0];
            for (PairedAudio a : pairing.pair(instance, t[0], t[1])) {
                String path = files.writeWav(a.id(), a.wave());
                rows.add(new StoredAudio(base, a.id(), instance, a.kind().key(), a.category(), a.source(),
                        JSON.writeValueAsString(a.provenance()), path, a.wave().length()));
            }
        }
        if (!audio.recordPairing(runId, base, rows)) {
            LOG.debug("{} of run {} was paired meanwhile by another delivery", base, runId);
        }
    }
}
