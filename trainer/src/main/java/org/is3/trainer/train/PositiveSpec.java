package org.is3.trainer.train;

import java.nio.file.Path;

/**
 * Semantically similar positives (v_conc, a_conc).
 *
 * @param mode            {@code none} (eq. 5 over {v, v_aug} × {a, a_aug}), {@code embeddings} (kNN
 *                        over the given .npy files) or {@code bootstrap} (kNN over the model's own
 *                        projected features, refreshed at the start of every epoch)
 * @param k               neighbours to draw from (paper: 1000)
 * @param imageEmbeddings N×D .npy, one row per training example (embeddings mode)
 * @param audioEmbeddings N×D .npy, one row per training example (embeddings mode)
 */
public record PositiveSpec(String mode, int k, Path imageEmbeddings, Path audioEmbeddings) {
}
