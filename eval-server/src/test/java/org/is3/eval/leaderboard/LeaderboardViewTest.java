package org.is3.eval.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;

class LeaderboardViewTest {
    private final Leaderboard board = SampleEntries.board();

    @Test
    void noParametersMeanTheRankingColumnBestFirst() {
        LeaderboardView v = LeaderboardView.parse(board, null, null, null, null);
        assertEquals(Column.CIOU, v.sort());
        assertTrue(v.descending());
        assertTrue(v.compare().isEmpty());
    }

    @Test
    void readsSortOrderAndComparedIds() {
        LeaderboardView v = LeaderboardView.parse(board, "auc_adap", "asc", List.of("7", "2"), List.of("dev", "test"));
        assertEquals(Column.AUC_ADAP, v.sort());
        assertFalse(v.descending());
        assertEquals(Set.of(7L, 2L), v.compare());
        assertEquals(List.of("dev", "test"), v.splits());
    }

    @Test
    void aLowerIsBetterColumnDefaultsToAscending() {
        Leaderboard b = new Leaderboard("b", "test", List.of(Column.CIOU, Column.PIA_NOISE), List.of());
        assertFalse(LeaderboardView.parse(b, "pia_noise", null, List.of(), List.of()).descending());
    }

    @Test
    void badParametersAreNamedInTheError() {
        InputException sort = assertThrows(InputException.class,
                () -> LeaderboardView.parse(board, "ap", null, List.of(), List.of()));
        assertEquals("query parameter sort: unknown column 'ap', expected one of ciou, ciou_adap, auc, auc_adap, "
                + "iiou, iiou_adap", sort.getMessage());
        InputException order = assertThrows(InputException.class,
                () -> LeaderboardView.parse(board, "ciou", "up", List.of(), List.of()));
        assertEquals("query parameter order: 'up', expected asc or desc", order.getMessage());
        InputException compare = assertThrows(InputException.class,
                () -> LeaderboardView.parse(board, null, null, List.of("1", "x<"), List.of()));
        assertEquals("query parameter compare: 'x<' is not a submission id", compare.getMessage());
    }
}
