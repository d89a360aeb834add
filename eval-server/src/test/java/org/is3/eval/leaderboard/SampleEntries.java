package org.is3.eval.leaderboard;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made leaderboard entries for the tests: real shapes, simple numbers. */
public final class SampleEntries {
    public static final String SCRIPT_METHOD = "<script>alert(1)</script>";

    private SampleEntries() {
    }

    /** An entry whose six paper metrics are all {@code ciou}, with a curve falling from 1 to 0. */
    public static LeaderboardEntry entry(long id, String method, double ciou, boolean baseline) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Column c : Column.PAPER) {
            m.put(c.key(), ciou);
        }
        m.put("mean_ciou", ciou);
        return new LeaderboardEntry(id, "team " + id, method, "", null, null, false, false, baseline, null,
                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(id), m, falling(ciou), falling(ciou / 2));
    }

    /** A curve that stays at 1 up to the threshold {@code ciou}, then is 0. */
    public static double[] falling(double ciou) {
        double[] c = new double[LeaderboardEntry.CURVE_POINTS];
        for (int i = 0; i < c.length; i++) {
            c[i] = 0.05 * i <= ciou ? 1 : 0;
        }
        return c;
    }

    /** Metrics with every paper column set from one array, in {@link Column#PAPER} order. */
    public static Map<String, Double> metrics(double... values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(Column.PAPER.get(i).key(), values[i]);
        }
        return m;
    }

    /** Five entries: a baseline, a method whose name is a script, one with links and flags, … */
    public static Leaderboard board() {
        Map<String, Double> rich = metrics(0.6125, 0.5, 0.4875, 0.45, 0.3, 0.25);
        LeaderboardEntry linked = new LeaderboardEntry(7, "Lab \"A\" & Co", "EZ-VSL + OGL",
                "trained on VGGSound-144k; <b>not bold</b>", "https://arxiv.org/abs/2203.09324",
                "javascript:alert(2)", true, true, false, "7x7", Instant.parse("2025-02-01T10:00:00Z"), rich,
                falling(0.6), falling(0.5));
        return Leaderboard.of("is3", "test", false, List.of(
                entry(1, "Random baseline", 0.1, true),
                entry(2, SCRIPT_METHOD, 0.55, false),
                linked,
                entry(4, "SLAVC", 0.4, false),
                entry(5, "LVS", 0.3, false)));
    }
}
