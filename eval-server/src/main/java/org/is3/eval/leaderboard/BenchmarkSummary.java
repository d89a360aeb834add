package org.is3.eval.leaderboard;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the index page.
 *
 * @param name          the benchmark's name
 * @param gtFormat      its ground-truth format (is3, vggss, flickr, extended, …)
 * @param hasNegatives  whether it scores negatives (AP, max-F1, LocAcc)
 * @param splits        its visible splits
 * @param scoredEntries entries on its default leaderboard
 * @param bestMethod    the method ranked first, or null when there is none
 * @param bestCiou      that method's cIoU as a fraction, or null
 * @param lastScored    when the latest entry was scored, or null
 */
public record BenchmarkSummary(String name, String gtFormat, boolean hasNegatives, List<String> splits,
                               int scoredEntries, String bestMethod, Double bestCiou, Instant lastScored) {
    public BenchmarkSummary {
        Objects.requireNonNull(name, "name");
        gtFormat = gtFormat == null ? "" : gtFormat;
        splits = List.copyOf(splits);
    }
}
