package org.is3.core.gt;

/**
 * Positive samples carry a sounding object; the others are the negative audio types of extended
 * benchmarks (SLAVC's mismatched {@code non-sounding} pairs) and IS3+ (silence, noise, off-screen).
 */
public enum SampleKind {
    POSITIVE,
    NON_SOUNDING,
    SILENCE,
    NOISE,
    OFFSCREEN
}
