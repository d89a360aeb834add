package org.is3.eval.leaderboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The leaderboard of one split of one benchmark: which metric columns it shows and its entries,
 * in display order.
 *
 * <p>Ranks follow the first column (cIoU), best first, and use standard competition ranking:
 * entries with exactly the same value share a rank and the next rank skips (1, 2, 2, 4). Success
 * rates are ratios k/n, so exact ties are real and common on small splits. An entry without a
 * value in the ranking column has no rank.
 *
 * @param benchmark the benchmark's name
 * @param split     the split's name (dev, test, private, …)
 * @param columns   the metric columns shown, in the papers' order
 * @param entries   the entries in display order
 */
public record Leaderboard(String benchmark, String split, List<Column> columns, List<LeaderboardEntry> entries) {

    public Leaderboard {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(split, "split");
        columns = List.copyOf(columns);
        entries = List.copyOf(entries);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a leaderboard needs at least one column");
        }
    }

    /**
     * The leaderboard with the papers' columns: the six localisation columns, plus AP, max-F1 and
     * LocAcc when the benchmark has negatives, plus each pIA column that some entry carries.
     * Entries are sorted by cIoU, best first.
     */
    public static Leaderboard of(String benchmark, String split, boolean hasNegatives, List<LeaderboardEntry> entries) {
        List<Column> columns = new ArrayList<>(Column.PAPER);
        if (hasNegatives) {
            columns.addAll(Column.NEGATIVES);
            for (Column pia : Column.PIA) {
                if (entries.stream().anyMatch(e -> e.value(pia).isPresent())) {
                    columns.add(pia);
                }
            }
        }
        return new Leaderboard(benchmark, split, columns, entries).sortedBy(Column.CIOU, true);
    }

    /** The column ranks follow and the page sorts by when asked for nothing else. */
    public Column rankingColumn() {
        return columns.get(0);
    }

    /**
     * This leaderboard with its entries sorted by {@code column}. Entries without a value come
     * last in either direction; equal values keep the earlier submission first, then the lower
     * id, so the order is total and repeatable.
     */
    public Leaderboard sortedBy(Column column, boolean descending) {
        Comparator<LeaderboardEntry> byValue = (a, b) -> {
            OptionalDouble va = a.value(column);
            OptionalDouble vb = b.value(column);
            if (va.isEmpty() || vb.isEmpty()) {
                return Boolean.compare(va.isEmpty(), vb.isEmpty());
            }
            int c = Double.compare(va.getAsDouble(), vb.getAsDouble());
            return descending ? -c : c;
        };
        List<LeaderboardEntry> sorted = new ArrayList<>(entries);
        sorted.sort(byValue.thenComparing(LeaderboardEntry::submittedAt)
                .thenComparingLong(LeaderboardEntry::submissionId));
        return new Leaderboard(benchmark, split, columns, sorted);
    }

    /** Ranks by {@link #rankingColumn()}: submission id → rank (1 = best). */
    public Map<Long, Integer> ranks() {
        return ranks(rankingColumn());
    }

    /**
     * Ranks by {@code column}, best first in the column's own sense of better: submission id →
     * rank, ties sharing a rank; entries without a value are absent.
     */
    public Map<Long, Integer> ranks(Column column) {
        List<LeaderboardEntry> best = sortedBy(column, column.higherIsBetter()).entries;
        Map<Long, Integer> ranks = new LinkedHashMap<>();
        double previous = Double.NaN;
        int rank = 0;
        for (int i = 0; i < best.size(); i++) {
            OptionalDouble v = best.get(i).value(column);
            if (v.isEmpty()) {
                break;
            }
            if (i == 0 || Double.compare(v.getAsDouble(), previous) != 0) {
                rank = i + 1;
                previous = v.getAsDouble();
            }
            ranks.put(best.get(i).submissionId(), rank);
        }
        return ranks;
    }
}
