package org.is3.annotator.server;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.is3.annotator.quality.Honeypots;
import org.is3.annotator.segment.Segmenter;
import org.is3.annotator.segment.SegmenterSettings;
import org.is3.annotator.segment.Segmenters;

/**
 * The annotator as {@code is3 annotate serve} and {@code is3 up} run it: honeypots made ready,
 * the configured segmenter created, the HTTP server started.
 */
public final class AnnotatorService implements AutoCloseable {
    private final Segmenter segmenter;
    private final AnnotatorServer server;
    private final AnnotatorConfig config;

    private AnnotatorService(AnnotatorConfig config, DataSource dataSource, Path home) {
        this.config = config;
        Honeypots.ensure(dataSource, home, config.honeypotCount(), config.honeypotSize(), config.honeypotSeed());
        this.segmenter = Segmenters.create(config.segmenter(), new SegmenterSettings(home, config.segmenterOptions()));
        try {
            this.server = new AnnotatorServer(config, dataSource, home, segmenter);
        } catch (RuntimeException e) {
            segmenter.close();
            throw e;
        }
    }

    /** Starts the annotator on a migrated database; {@code home} holds the images (paths are relative to it). */
    public static AnnotatorService start(AnnotatorConfig config, DataSource dataSource, Path home) {
        return new AnnotatorService(config, dataSource, home);
    }

    /** The bound port (the configured one, or the one picked for port 0). */
    public int port() {
        return server.port();
    }

    public AnnotatorConfig config() {
        return config;
    }

    @Override
    public void close() {
        server.close();
        segmenter.close();
    }
}
