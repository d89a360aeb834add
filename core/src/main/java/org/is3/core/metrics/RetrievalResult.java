package org.is3.core.metrics;

/**
 * Cross-modal retrieval over N audio–image pairs (metrics.md §8, specified by is3).
 *
 * @param pairs               N
 * @param audioToImage        each audio queries all N images; hit = its own image in the top K
 * @param imageToAudio        each image queries all N audio clips; hit = its own clip in the top K
 * @param audioToImageClass   hit = some top-K image has the query's label; null without labels
 * @param imageToAudioClass   hit = some top-K clip has the query's label; null without labels
 */
public record RetrievalResult(int pairs, RecallAtK audioToImage, RecallAtK imageToAudio,
                              RecallAtK audioToImageClass, RecallAtK imageToAudioClass) {
}
