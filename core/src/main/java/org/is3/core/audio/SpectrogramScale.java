package org.is3.core.audio;

/**
 * How power density becomes model input. Both divide by 12 (the loaders' {@code Normalize(0, 12)}).
 *
 * <p>The reference loaders disagree on negatives (datasets.md, "Reference-loader quirk"): the
 * SSL-Align/LVS loader takes the log of every spectrogram, while the EZ-VSL/SLAVC evaluation
 * loader of vssl_eval feeds silence and noise spectrograms without the log. {@link #LOG} is the
 * rule for every positive and off-screen clip in every loader; {@link #LINEAR} exists only to
 * reproduce that quirk, and the caller decides where it applies.
 */
public enum SpectrogramScale {
    /** {@code log(P + 1e-7) / 12}. */
    LOG,
    /** {@code P / 12} — the EZ-VSL/SLAVC loaders' silence and noise inputs (no log). */
    LINEAR;

    double apply(double power) {
        return this == LOG ? Math.log(power + 1e-7) / 12.0 : power / 12.0;
    }
}
