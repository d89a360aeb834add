package org.is3.core.metrics;

/**
 * vssl_eval's numbers for one negative audio type (silence, noise or off-screen) at one threshold
 * rule (metrics.md §7). All values are percentages, as {@code eval.py} writes them.
 *
 * @param pIA       mean over samples of pIA = |{h_neg > T}| / 50176, × 100 ({@code pIA_<type>})
 * @param aucPIA    area under "fraction of samples with pIA ≤ 0.05·i", × 100; higher is better
 *                  ({@code AOC_<type>} in {@code eval.py}, {@code compute_AUC_pIA})
 * @param posNegIoU mean IoU between the positive's mask and this negative's mask, × 100
 *                  ({@code IoU_Pos_<type>}); both empty → 1, negative empty and positive not → 0
 * @param fPos      harmonic mean of the positives' mean cIoU and 100 − pIA ({@code F_Pos_<type>})
 * @param fAucAoc   harmonic mean of the positives' AUC and aucPIA ({@code F_AUC_AOC_Pos_<type>})
 */
public record NegativeTypeResult(double pIA, double aucPIA, double posNegIoU, double fPos, double fAucAoc) {
}
