package org.is3.eval.leaderboard;

import static org.is3.eval.leaderboard.SampleEntries.entry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderboardTest {

    private static List<Long> ids(Leaderboard b) {
        return b.entries().stream().map(LeaderboardEntry::submissionId).toList();
    }

    private static LeaderboardEntry withMetric(long id, String key, Double value) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(key, value);
        return new LeaderboardEntry(id, "t", "m" + id, null, null, null, false, false, false, null,
                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(100 - id), m, null, null);
    }

    @Test
    void sortsBestFirstAndTiesKeepTheEarlierSubmissionFirst() {
        // id 3 was submitted before id 2 (submittedAt = base + 100 - id), both at 0.5
        Leaderboard b = new Leaderboard("b", "test", Column.PAPER, List.of(
                withMetric(1, "ciou", 0.25), withMetric(2, "ciou", 0.5), withMetric(3, "ciou", 0.5),
                withMetric(4, "ciou", 0.75)));
        assertEquals(List.of(4L, 3L, 2L, 1L), ids(b.sortedBy(Column.CIOU, true)));
        assertEquals(List.of(1L, 3L, 2L, 4L), ids(b.sortedBy(Column.CIOU, false)));
    }

    @Test
    void entriesWithoutTheValueComeLastInBothDirections() {
        Leaderboard b = new Leaderboard("b", "test", Column.PAPER, List.of(
                withMetric(1, "auc", null), withMetric(2, "ciou", 0.5), withMetric(3, "ciou", Double.NaN),
                withMetric(4, "ciou", 0.75)));
        assertEquals(List.of(4L, 2L, 3L, 1L), ids(b.sortedBy(Column.CIOU, true)));
        assertEquals(List.of(2L, 4L, 3L, 1L), ids(b.sortedBy(Column.CIOU, false)));
    }

    @Test
    void tiedEntriesShareARankAndTheNextRankSkips() {
        Leaderboard b = new Leaderboard("b", "test", Column.PAPER, List.of(
                withMetric(1, "ciou", 0.5), withMetric(2, "ciou", 0.75), withMetric(3, "ciou", 0.5),
                withMetric(4, "ciou", 0.25), withMetric(5, "auc", 0.9)));
        Map<Long, Integer> ranks = b.ranks();
        assertEquals(Map.of(2L, 1, 1L, 2, 3L, 2, 4L, 4), ranks);
        assertFalse(ranks.containsKey(5L), "an entry without cIoU has no rank");
    }

    @Test
    void ranksAreTheSameWhateverTheDisplayOrder() {
        Leaderboard b = new Leaderboard("b", "test", Column.PAPER, List.of(
                withMetric(1, "ciou", 0.5), withMetric(2, "ciou", 0.75), withMetric(3, "ciou", 0.5)));
        assertEquals(b.ranks(), b.sortedBy(Column.CIOU, false).ranks());
    }

    @Test
    void pIaRanksTheSmallestAreaFirst() {
        Leaderboard b = new Leaderboard("b", "test", List.of(Column.PIA_NOISE), List.of(
                withMetric(1, "pia_noise", 0.4), withMetric(2, "pia_noise", 0.1), withMetric(3, "pia_noise", 0.1)));
        assertEquals(Map.of(2L, 1, 3L, 1, 1L, 3), b.ranks());
    }

    @Test
    void columnsFollowThePapersAndNegativesAddTheirs() {
        LeaderboardEntry plain = entry(1, "a", 0.5, false);
        assertEquals(Column.PAPER, Leaderboard.of("b", "test", false, List.of(plain)).columns());

        Map<String, Double> m = new LinkedHashMap<>(plain.metrics());
        m.put("ap", 0.3);
        m.put("pia_offscreen", 0.2);
        LeaderboardEntry neg = new LeaderboardEntry(2, "t", "n", "", null, null, false, false, false, null,
                Instant.EPOCH, m, null, null);
        List<Column> expected = new ArrayList<>(Column.PAPER);
        expected.addAll(List.of(Column.AP, Column.MAX_F1, Column.LOC_ACC, Column.PIA_OFFSCREEN));
        assertEquals(expected, Leaderboard.of("b", "test", true, List.of(plain, neg)).columns());
    }

    @Test
    void ofSortsByCiouBestFirst() {
        Leaderboard b = Leaderboard.of("b", "test", false,
                List.of(entry(1, "a", 0.2, false), entry(2, "b", 0.9, true), entry(3, "c", 0.5, false)));
        assertEquals(List.of(2L, 3L, 1L), ids(b));
    }

    @Test
    void anEmptyLeaderboardHasNoRanks() {
        Leaderboard b = Leaderboard.of("b", "test", false, List.of());
        assertTrue(b.entries().isEmpty());
        assertTrue(b.ranks().isEmpty());
        assertTrue(b.sortedBy(Column.AUC, false).entries().isEmpty());
    }

    @Test
    void entriesKeepOnlyFiniteMetricsAndCopyTheirCurves() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("ciou", 0.5);
        m.put("iiou", Double.NaN);
        m.put("auc", null);
        double[] curve = SampleEntries.falling(0.5);
        LeaderboardEntry e = new LeaderboardEntry(1, "t", "m", null, null, null, false, false, false, null,
                Instant.EPOCH, m, curve, null);
        assertEquals(Map.of("ciou", 0.5), e.metrics());
        curve[0] = 0;
        assertEquals(1.0, e.curve()[0], "the entry keeps its own copy");
        assertThrows(IllegalArgumentException.class, () -> new LeaderboardEntry(1, "t", "m", null, null, null,
                false, false, false, null, Instant.EPOCH, m, new double[20], null));
        double[] overOne = SampleEntries.falling(0.5);
        overOne[0] = 1.5;
        assertThrows(IllegalArgumentException.class, () -> new LeaderboardEntry(1, "t", "m", null, null, null,
                false, false, false, null, Instant.EPOCH, m, null, overOne));
    }

    @Test
    void storedResultJsonGivesMetricsAndCurves() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("n", 6480);
        json.put("ciou", 0.5);
        json.put("iiou", null);
        List<Double> curve = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            curve.add(i < 10 ? 1.0 : 0.0);
        }
        json.put("curve", curve);
        assertEquals(Map.of("n", 6480.0, "ciou", 0.5), LeaderboardEntry.metricsOf(json));
        double[] c = LeaderboardEntry.curveOf(json, "curve");
        assertArrayEquals(SampleEntries.falling(0.47), c);
        assertEquals(null, LeaderboardEntry.curveOf(json, "curve_adap"));
    }

    @Test
    void jsonNamesColumnsByTheirMetricKeys() throws Exception {
        LeaderboardEntry e = new LeaderboardEntry(1, "t", "m", "", null, null, false, true, false, null,
                Instant.parse("2025-01-01T00:00:00Z"), SampleEntries.metrics(0.5), null, null);
        JsonNode json = new ObjectMapper().valueToTree(Leaderboard.of("b", "test", false, List.of(e)));
        assertEquals("[\"ciou\",\"ciou_adap\",\"auc\",\"auc_adap\",\"iiou\",\"iiou_adap\"]",
                json.path("columns").toString());
        JsonNode entry = json.path("entries").get(0);
        assertEquals(0.5, entry.path("metrics").path("ciou").asDouble());
        assertTrue(entry.path("uses_ogl").asBoolean());
        assertTrue(entry.path("curve").isNull());
        assertTrue(entry.has("curve_adap") && entry.has("paper_url") && entry.has("submission_id"), entry.toString());
        assertEquals("2025-01-01T00:00:00Z", entry.path("submitted_at").asText());
    }
}
