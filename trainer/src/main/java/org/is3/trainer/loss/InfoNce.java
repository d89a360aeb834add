package org.is3.trainer.loss;

import ai.djl.ndarray.NDArray;

/**
 * InfoNCE over a batch similarity matrix whose diagonal holds the positive pairs and whose other
 * entries are the negatives from the rest of the batch. Symmetric: the mean of the image→audio
 * (rows) and audio→image (columns) cross-entropies of {@code sim / τ}, as the reference models'
 * contrastive losses are (both directions, EZ-VSL / SSL-Align).
 */
public final class InfoNce {

    /** The temperature of the paper (τ = 0.07). */
    public static final float PAPER_TAU = 0.07f;

    private InfoNce() {
    }

    /** A scalar: ½·(−mean_i log softmax_j(sim/τ)_ii − mean_j log softmax_i(sim/τ)_jj). */
    public static NDArray symmetric(NDArray sim, float tau) {
        long n = sim.getShape().get(0);
        if (sim.getShape().dimension() != 2 || sim.getShape().get(1) != n) {
            throw new IllegalArgumentException("InfoNCE needs a square similarity matrix, got " + sim.getShape());
        }
        NDArray logits = sim.div(tau);
        NDArray eye = sim.getManager().eye((int) n);
        NDArray rows = logits.logSoftmax(1).mul(eye).sum();
        NDArray cols = logits.logSoftmax(0).mul(eye).sum();
        return rows.add(cols).div(-2f * n);
    }
}
