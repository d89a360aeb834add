package org.is3.trainer.loss;

import ai.djl.ndarray.NDArray;
import org.is3.trainer.model.Similarity;

/**
 * SSL-SaN's silence / noise training term. The SSL-SaN code is not public (metrics.md §9), so this
 * term is <b>our design</b>, written to the paper's stated goal: a negative audio (silence, noise)
 * must light up no image region, and must not align with any image.
 *
 * <p>For the K negative audio features n_k and the B images v_i of the batch, with c_ik(xy) =
 * cos(v_i^xy, n_k) the per-location cosines (the localization map inference reports):
 * <ul>
 *   <li>low: mean over i, k, xy of max(c_ik(xy), 0) — maps pushed to cos ≤ 0, so a raw-map threshold
 *       (vssl_eval's universal 0.5, metrics.md §7) selects nothing;</li>
 *   <li>flat: mean over i, k of the variance of c_ik over the locations — no region stands out, so a
 *       min-max normalised map carries no spurious peak;</li>
 *   <li>away: mean over i, k of max(sA(v_i, n_k), 0) — the negative is kept away from every image
 *       of the batch in the alignment space.</li>
 * </ul>
 * The term is low + flat + away; the trainer adds it to eq. 5 with a configurable weight.
 */
public final class NegativeAudioLoss {

    private NegativeAudioLoss() {
    }

    /**
     * @param maps        the batch's visual maps v, B×c×h×w
     * @param visualProj  pv(avg(v)), B×d
     * @param negatives   pooled features of the negative audio, K×c
     * @param negativeProj pa of the negative audio, K×d
     */
    public static Terms compute(NDArray maps, NDArray visualProj, NDArray negatives, NDArray negativeProj) {
        NDArray cos = Similarity.locationCosines(maps, negatives);
        NDArray low = cos.maximum(0f).mean();
        NDArray centred = cos.sub(cos.mean(new int[] {2}, true));
        NDArray flat = centred.square().mean();
        NDArray away = Similarity.alignment(visualProj, negativeProj).maximum(0f).mean();
        return new Terms(low, flat, away);
    }

    /** The three parts; {@link #total()} is their sum. */
    public record Terms(NDArray low, NDArray flat, NDArray away) {
        public NDArray total() {
            return low.add(flat).add(away);
        }
    }
}
