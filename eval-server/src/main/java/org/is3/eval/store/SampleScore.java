package org.is3.eval.store;

/**
 * One sample's result on a dev split (never on a hidden one).
 *
 * @param ciou     the sample's cIoU at the top-50 % threshold, or null when not computed
 * @param ciouAdap the same at the adaptive threshold, or null
 */
public record SampleScore(String splitName, String sampleId, Double ciou, Double ciouAdap) {
}
