package org.is3.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.is3.annotator.server.AnnotatorConfig;
import picocli.CommandLine.Option;

/**
 * The annotator's options, shared by {@code annotate serve} and {@code up} (names chosen not to
 * clash with the eval server's options in {@code up}); host and port are given by the command.
 */
final class AnnotatorOptions {
    private static final AnnotatorConfig DEFAULTS = AnnotatorConfig.defaults();

    @Option(names = "--task-lease", defaultValue = "120s", paramLabel = "DURATION",
            converter = EvalWorkerCommand.DurationConverter.class,
            description = "How long a pulled task stays the annotator's without a heartbeat (default ${DEFAULT-VALUE}).")
    Duration lease;

    @Option(names = "--overlap", defaultValue = "1", paramLabel = "K",
            description = "Annotators per image; their masks must agree, else the image goes to review (default ${DEFAULT-VALUE}).")
    int overlap;

    @Option(names = "--agreement-iou", defaultValue = "0.8", paramLabel = "IOU",
            description = "Smallest pairwise mask IoU that counts as agreement, also the honeypot pass mark (default ${DEFAULT-VALUE}).")
    double agreementIou;

    @Option(names = "--honeypot-rate", defaultValue = "0.1", paramLabel = "P",
            description = "Share of annotate pulls that get a honeypot with a known mask (default ${DEFAULT-VALUE}; 0 turns them off).")
    double honeypotRate;

    @Option(names = "--honeypots", defaultValue = "20", paramLabel = "N",
            description = "Honeypots kept ready, rendered from the shapes world (default ${DEFAULT-VALUE}).")
    int honeypots;

    @Option(names = "--honeypot-size", defaultValue = "512", paramLabel = "PIXELS",
            description = "Side of the honeypot images; match the pipeline's image size (default ${DEFAULT-VALUE}).")
    int honeypotSize;

    @Option(names = "--segmenter", defaultValue = "grabcut", paramLabel = "NAME",
            description = "Mask proposals: grabcut (CPU, default) or another registered segmenter such as sam.")
    String segmenter;

    @Option(names = "--segmenter-option", paramLabel = "KEY=VALUE",
            description = "Segmenter option, repeatable (grabcut: iterations=3; sam: its model directory).")
    Map<String, String> segmenterOptions = new LinkedHashMap<>();

    @Option(names = "--max-clicks", defaultValue = "64",
            description = "Most clicks accepted in one proposal request (default ${DEFAULT-VALUE}).")
    int maxClicks;

    AnnotatorConfig config(String host, int port) {
        return new AnnotatorConfig(host, port, lease, overlap, agreementIou, honeypotRate, honeypots, honeypotSize,
                DEFAULTS.honeypotSeed(), segmenter, segmenterOptions, maxClicks, DEFAULTS.maxBodyBytes(),
                DEFAULTS.bcryptCost(), DEFAULTS.sessionTtl(), DEFAULTS.loginFailures());
    }
}
