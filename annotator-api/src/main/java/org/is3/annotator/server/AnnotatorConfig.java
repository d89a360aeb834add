package org.is3.annotator.server;

import java.time.Duration;
import java.util.Map;
import org.is3.annotator.auth.Passwords;
import org.is3.annotator.segment.Segmenters;

/**
 * Everything the annotator can be configured with (flags of {@code is3 annotate serve} and
 * {@code is3 up}); {@link #defaults()} gives each option its documented default.
 *
 * @param lease            a pulled task stays the caller's this long without a heartbeat
 * @param overlap          k annotators per image; their masks must agree (else review)
 * @param agreementIou     smallest pairwise mask IoU that counts as agreement (also the honeypot pass mark)
 * @param honeypotRate     chance that an annotate pull gets a honeypot
 * @param honeypotCount    honeypots kept ready (rendered from the shapes world at start)
 * @param honeypotSize     their side in pixels (match the pipeline's image size)
 * @param segmenter        {@code grabcut} (default) or another registered segmenter, e.g. {@code sam}
 * @param maxClicks        most clicks accepted in one proposal request
 * @param maxBodyBytes     largest request body (a mask's RLE included)
 * @param bcryptCost       work factor of new password hashes
 * @param sessionTtl       how long a browser session lasts
 * @param loginFailures    failed logins allowed per user name per minute (5× that per address)
 */
public record AnnotatorConfig(String host, int port, Duration lease, int overlap, double agreementIou,
                              double honeypotRate, int honeypotCount, int honeypotSize, long honeypotSeed,
                              String segmenter, Map<String, String> segmenterOptions, int maxClicks,
                              long maxBodyBytes, int bcryptCost, Duration sessionTtl, int loginFailures) {
    public static final int DEFAULT_PORT = 7070;

    public AnnotatorConfig {
        segmenterOptions = Map.copyOf(segmenterOptions);
        if (!(agreementIou > 0 && agreementIou <= 1)) {
            throw new IllegalArgumentException("agreement IoU must be in (0, 1], got " + agreementIou);
        }
        if (maxClicks < 1 || honeypotCount < 0 || honeypotSize < 64 || loginFailures < 1) {
            throw new IllegalArgumentException("max clicks and login failures must be >= 1, honeypot count >= 0,"
                    + " honeypot size >= 64");
        }
    }

    public static AnnotatorConfig defaults() {
        return new AnnotatorConfig("127.0.0.1", DEFAULT_PORT, Duration.ofMinutes(2), 1, 0.8, 0.1, 20, 512, 5L,
                Segmenters.DEFAULT, Map.of(), 64, 8L << 20, Passwords.DEFAULT_COST, Duration.ofHours(12), 5);
    }

    public AnnotatorConfig withPort(int newPort) {
        return new AnnotatorConfig(host, newPort, lease, overlap, agreementIou, honeypotRate, honeypotCount,
                honeypotSize, honeypotSeed, segmenter, segmenterOptions, maxClicks, maxBodyBytes, bcryptCost,
                sessionTtl, loginFailures);
    }

    public AnnotatorConfig withHost(String newHost) {
        return new AnnotatorConfig(newHost, port, lease, overlap, agreementIou, honeypotRate, honeypotCount,
                honeypotSize, honeypotSeed, segmenter, segmenterOptions, maxClicks, maxBodyBytes, bcryptCost,
                sessionTtl, loginFailures);
    }

    public AnnotatorConfig withLease(Duration newLease) {
        return new AnnotatorConfig(host, port, newLease, overlap, agreementIou, honeypotRate, honeypotCount,
                honeypotSize, honeypotSeed, segmenter, segmenterOptions, maxClicks, maxBodyBytes, bcryptCost,
                sessionTtl, loginFailures);
    }

    public AnnotatorConfig withQuality(int newOverlap, double newAgreementIou, double newHoneypotRate, int newHoneypotCount) {
        return new AnnotatorConfig(host, port, lease, newOverlap, newAgreementIou, newHoneypotRate, newHoneypotCount,
                honeypotSize, honeypotSeed, segmenter, segmenterOptions, maxClicks, maxBodyBytes, bcryptCost,
                sessionTtl, loginFailures);
    }

    public AnnotatorConfig withSegmenter(String name, Map<String, String> options) {
        return new AnnotatorConfig(host, port, lease, overlap, agreementIou, honeypotRate, honeypotCount,
                honeypotSize, honeypotSeed, name, options, maxClicks, maxBodyBytes, bcryptCost, sessionTtl,
                loginFailures);
    }

    public AnnotatorConfig withBcryptCost(int cost) {
        return new AnnotatorConfig(host, port, lease, overlap, agreementIou, honeypotRate, honeypotCount,
                honeypotSize, honeypotSeed, segmenter, segmenterOptions, maxClicks, maxBodyBytes, cost, sessionTtl,
                loginFailures);
    }

    public AnnotatorConfig withHoneypotSize(int size) {
        return new AnnotatorConfig(host, port, lease, overlap, agreementIou, honeypotRate, honeypotCount, size,
                honeypotSeed, segmenter, segmenterOptions, maxClicks, maxBodyBytes, bcryptCost, sessionTtl,
                loginFailures);
    }
}
