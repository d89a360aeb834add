package org.is3.core.scoring;

import org.is3.core.metrics.ExtendedMetrics;
import org.is3.core.metrics.LocalizationProtocol;

/**
 * How to score a prediction set.
 *
 * @param protocol       normalisation and binarisation of the localization metrics (metrics.md §11)
 * @param allowMissing   score samples without a prediction as failures instead of refusing
 * @param tau            temperature of the extended benchmark's score mapping (metrics.md §5)
 * @param relativeMask   extended benchmark: SLAVC's relative mask instead of the absolute {@code s ≥ 0.5}
 * @param threads        worker threads (≥ 1)
 * @param upsample       accept maps smaller than 224×224 and upsample them (bilinear, align_corners)
 */
public record ScoreOptions(LocalizationProtocol protocol, boolean allowMissing, double tau,
                           boolean relativeMask, int threads, boolean upsample) {
    public ScoreOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1");
        }
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be a positive number");
        }
    }

    public ScoreOptions withThreads(int n) {
        return new ScoreOptions(protocol, allowMissing, tau, relativeMask, n, upsample);
    }

    public static ScoreOptions defaults() {
        return new ScoreOptions(LocalizationProtocol.SSLALIGN, false, ExtendedMetrics.SLAVC_TAU, false,
                Runtime.getRuntime().availableProcessors(), false);
    }
}
