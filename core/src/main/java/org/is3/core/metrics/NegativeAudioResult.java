package org.is3.core.metrics;

import org.is3.core.gt.SampleKind;

/**
 * vssl_eval's negative-audio evaluation at one threshold rule (metrics.md §7). Percentages, as
 * {@code eval.py} writes them; a harmonic mean of two zeros is NaN there and here.
 *
 * @param samples       number of images added (every repetition of an image counts, as the
 *                      reference pools its 10 seeds)
 * @param meanCIoU      mean positive cIoU at the same threshold, NaN counted as 0, × 100
 *                      ({@code CIoU_<rule>}; a mean, not a success rate)
 * @param auc           area under the cIoU success curve of those values, × 100 ({@code AUC_<rule>})
 * @param silence       numbers for the silent audio
 * @param noise         numbers for the white-noise audio
 * @param offscreen     numbers for the off-screen audio
 * @param fPosNeg       H(meanCIoU, mean of the three (100 − pIA)) ({@code F_Pos_Neg})
 * @param fAucAocPosNeg H(auc, mean of the three aucPIA) ({@code F_AUC_AOC_Pos_Neg})
 */
public record NegativeAudioResult(int samples, double meanCIoU, double auc, NegativeTypeResult silence,
                                  NegativeTypeResult noise, NegativeTypeResult offscreen, double fPosNeg,
                                  double fAucAocPosNeg) {

    /** The numbers of one negative type: {@code SILENCE}, {@code NOISE} or {@code OFFSCREEN}. */
    public NegativeTypeResult of(SampleKind kind) {
        return switch (kind) {
            case SILENCE -> silence;
            case NOISE -> noise;
            case OFFSCREEN -> offscreen;
            default -> throw new IllegalArgumentException(kind + " is not a negative audio type of vssl_eval"
                    + " (expected SILENCE, NOISE or OFFSCREEN)");
        };
    }
}
