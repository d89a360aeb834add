package org.is3.eval.leaderboard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.is3.core.InputException;

/**
 * What a visitor asked the leaderboard page for: the sort column and order ({@code ?sort=ciou&order=desc}),
 * the entries to overlay in the comparison chart ({@code ?compare=12&compare=15}; empty: the first
 * five shown), and the benchmark's splits to link to.
 *
 * @param sort       the column to sort by
 * @param descending whether larger values come first
 * @param compare    submission ids to plot in the comparison chart; empty means the top five
 * @param splits     the benchmark's visible splits, for the page's split links (may be empty)
 */
public record LeaderboardView(Column sort, boolean descending, Set<Long> compare, List<String> splits) {
    /** How many curves the chart shows when no entries were picked (and without JavaScript). */
    public static final int DEFAULT_COMPARED = 5;

    public LeaderboardView {
        compare = Set.copyOf(compare);
        splits = List.copyOf(splits);
    }

    /** The board's own order: its ranking column, best first, the top five compared. */
    public static LeaderboardView defaults(Leaderboard board, List<String> splits) {
        Column c = board.rankingColumn();
        return new LeaderboardView(c, c.higherIsBetter(), Set.of(), splits);
    }

    /**
     * Reads the page's query parameters. A missing {@code sort} means the ranking column; a missing
     * {@code order} means the column's better direction first.
     *
     * @throws InputException naming the parameter when {@code sort} is not a column of this board,
     *                        {@code order} is neither asc nor desc, or a {@code compare} value is
     *                        not a submission id
     */
    public static LeaderboardView parse(Leaderboard board, String sort, String order, List<String> compare,
                                        List<String> splits) {
        Column column = board.rankingColumn();
        if (sort != null && !sort.isEmpty()) {
            column = Column.byKey(sort).filter(board.columns()::contains).orElseThrow(() -> new InputException(
                    "query parameter sort: unknown column '" + sort + "', expected one of "
                            + board.columns().stream().map(Column::key).collect(Collectors.joining(", "))));
        }
        boolean descending = column.higherIsBetter();
        if (order != null && !order.isEmpty()) {
            if (!order.equals("asc") && !order.equals("desc")) {
                throw new InputException("query parameter order: '" + order + "', expected asc or desc");
            }
            descending = order.equals("desc");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String id : compare == null ? new ArrayList<String>() : compare) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw new InputException("query parameter compare: '" + id + "' is not a submission id");
            }
        }
        return new LeaderboardView(column, descending, ids, splits == null ? List.of() : splits);
    }
}
