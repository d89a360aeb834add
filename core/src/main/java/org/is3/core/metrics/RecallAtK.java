package org.is3.core.metrics;

/**
 * Recall at 1, 5 and 10: the fraction of queries with a hit among their top K results (metrics.md §8).
 */
public record RecallAtK(double r1, double r5, double r10) {
}
