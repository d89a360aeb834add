package org.is3.trainer.loss;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.is3.trainer.model.Similarity;

/**
 * Eq. 5 of "Aligning Sight and Sound": for every pair of a visual view in {v, v_aug, v_conc} and an
 * audio view in {a, a_aug, a_conc} (9 pairs when all three views exist, 4 without the semantically
 * similar ones), InfoNCE on sL plus InfoNCE on sA, τ = 0.07. The paper sums the pair terms; we take
 * their mean so the loss scale does not depend on how many views a configuration uses (the gradient
 * direction is the same, Adam is invariant to the constant factor).
 */
public final class AlignmentLoss {

    private AlignmentLoss() {
    }

    /**
     * @param maps        visual maps per view, each B×c×h×w
     * @param visualProj  pv(avg(v)) per view, each B×d (same order as {@code maps})
     * @param audio       pooled audio features per view, each B×c
     * @param audioProj   pa(a) per view, each B×d (same order as {@code audio})
     */
    public static Terms compute(List<NDArray> maps, List<NDArray> visualProj, List<NDArray> audio,
                                List<NDArray> audioProj, float tau) {
        if (maps.size() != visualProj.size() || audio.size() != audioProj.size() || maps.isEmpty() || audio.isEmpty()) {
            throw new IllegalArgumentException("need as many projections as views: " + maps.size() + " maps, "
                    + visualProj.size() + " visual projections, " + audio.size() + " audio, "
                    + audioProj.size() + " audio projections");
        }
        NDArray localization = null;
        NDArray alignment = null;
        for (int i = 0; i < maps.size(); i++) {
            for (int j = 0; j < audio.size(); j++) {
                NDArray l = InfoNce.symmetric(Similarity.localization(maps.get(i), audio.get(j)), tau);
                NDArray a = InfoNce.symmetric(Similarity.alignment(visualProj.get(i), audioProj.get(j)), tau);
                localization = localization == null ? l : localization.add(l);
                alignment = alignment == null ? a : alignment.add(a);
            }
        }
        float pairs = maps.size() * audio.size();
        return new Terms(localization.div(pairs), alignment.div(pairs));
    }

    /** The mean localization and alignment InfoNCE terms; {@link #total()} is what is minimised. */
    public record Terms(NDArray localization, NDArray alignment) {
        public NDArray total() {
            return localization.add(alignment);
        }
    }
}
