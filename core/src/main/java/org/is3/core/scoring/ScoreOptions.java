package org.is3.core.scoring;

import java.util.Objects;
import org.is3.core.metrics.ExtendedMetrics;
import org.is3.core.metrics.LocalizationProtocol;
import org.is3.core.metrics.NegativeThreshold;

/**
 * How to score a prediction set.
 *
 * @param protocol       normalisation and binarisation of the localization metrics (metrics.md §11)
 * @param allowMissing   score samples without a prediction as failures instead of refusing
 * @param tau            temperature of the extended benchmark's score mapping (metrics.md §5)
 * @param relativeMask   extended benchmark: SLAVC's relative mask instead of the absolute {@code s ≥ 0.5}
 * @param threads        worker threads (≥ 1)
 * @param upsample       accept maps smaller than 224×224 and upsample them (bilinear, align_corners)
 * @param negativeThreshold how the raw maps of an instance and of its silence / noise / off-screen
 *                       negatives are binarised for the negative-audio metrics (metrics.md §7);
 *                       default {@link NegativeThreshold#DEFAULT}, vssl_eval's universal 0.5
 */
public record ScoreOptions(LocalizationProtocol protocol, boolean allowMissing, double tau,
                           boolean relativeMask, int threads, boolean upsample, NegativeThreshold negativeThreshold) {
    public ScoreOptions {
        Objects.requireNonNull(negativeThreshold, "negativeThreshold");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1");
        }
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be a positive number");
        }
    }

    /** Options with the default negative-audio threshold (vssl_eval's universal 0.5). */
    public ScoreOptions(LocalizationProtocol protocol, boolean allowMissing, double tau, boolean relativeMask,
                        int threads, boolean upsample) {
        this(protocol, allowMissing, tau, relativeMask, threads, upsample, NegativeThreshold.DEFAULT);
    }

    public ScoreOptions withThreads(int n) {
        return new ScoreOptions(protocol, allowMissing, tau, relativeMask, n, upsample, negativeThreshold);
    }

    public ScoreOptions withNegativeThreshold(NegativeThreshold rule) {
        return new ScoreOptions(protocol, allowMissing, tau, relativeMask, threads, upsample, rule);
    }

    public static ScoreOptions defaults() {
        return new ScoreOptions(LocalizationProtocol.SSLALIGN, false, ExtendedMetrics.SLAVC_TAU, false,
                Runtime.getRuntime().availableProcessors(), false);
    }
}
