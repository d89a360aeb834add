package org.is3.eval.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What may be shown of scored submissions, and to whom. One rule for every read
 * ({@link #visible}): an admin sees everything; a private split's aggregates stay hidden until the
 * submission's phase has closed; the submitting team sees its own dev and test aggregates; anyone
 * else sees them only when the phase's leaderboard is public. Per-sample results exist for dev
 * splits only and are shown to the submitting team and admins alone (peers.md, Leaderboards).
 *
 * <p>The leaderboard lists every visible scored submission, each team's best by cIoU flagged
 * ({@link LeaderboardRow#teamBest()}), as EvalAI's "best per team" board but without hiding the
 * other entries (the paper tables compare a team's variants side by side). Rows are ordered by
 * cIoU, highest first, then by submission id.
 */
public final class Results {

    private static final String RESULT_ORDER =
            " ORDER BY CASE sp.visibility WHEN 'dev' THEN 0 WHEN 'test' THEN 1 ELSE 2 END, sp.id";

    private final DataSource dataSource;
    private final Clock clock;

    public Results(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** With a clock of the caller's: it decides whether a phase has closed. */
    public Results(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * The submission's aggregate metrics per split that {@code viewer} may see (dev, test, private
     * order); empty while it is not scored.
     *
     * @param viewer the authenticated team, or null for the public
     */
    public List<SplitResult> forSubmission(long submissionId, Team viewer) {
        Instant now = clock.instant();
        return Jdbc.read(dataSource, "reading the results of submission " + submissionId, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT sp.id, sp.name, sp.visibility,"
                    + " r.metrics::text AS metrics, s.team_id, p.closes_at, p.leaderboard_public"
                    + " FROM eval_result r JOIN eval_split sp ON sp.id = r.split_id"
                    + " JOIN eval_submission s ON s.id = r.submission_id JOIN eval_phase p ON p.id = s.phase_id"
                    + " WHERE r.submission_id = ?" + RESULT_ORDER)) {
                query.setLong(1, submissionId);
                List<SplitResult> results = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        SplitVisibility visibility = SplitVisibility.fromDb(row.getString("visibility"));
                        if (visible(visibility, viewer, row.getLong("team_id"), closed(row, now),
                                row.getBoolean("leaderboard_public"))) {
                            results.add(new SplitResult(row.getLong("id"), row.getString("name"), visibility,
                                    Metrics.fromJson(row.getString("metrics"))));
                        }
                    }
                }
                return results;
            }
        });
    }

    /**
     * The submission's per-sample results on its benchmark's dev split, in the split's order; empty
     * for a viewer other than the submitting team or an admin.
     */
    public List<SampleScore> devSamples(long submissionId, Team viewer) {
        return Jdbc.read(dataSource, "reading the per-sample results of submission " + submissionId, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT sp.name, r.sample_id, r.ciou,"
                    + " r.ciou_adap FROM eval_sample_result r JOIN eval_submission s ON s.id = r.submission_id"
                    + " JOIN eval_split sp ON sp.id = r.split_id AND sp.visibility = 'dev'"
                    + " LEFT JOIN eval_sample e ON e.split_id = r.split_id AND e.sample_id = r.sample_id"
                    + " WHERE r.submission_id = ? AND (? OR s.team_id = ?) ORDER BY sp.id, e.position, r.sample_id")) {
                query.setLong(1, submissionId);
                query.setBoolean(2, viewer != null && viewer.isAdmin());
                query.setLong(3, viewer == null ? -1 : viewer.id());
                List<SampleScore> scores = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        scores.add(new SampleScore(row.getString("name"), row.getString("sample_id"),
                                row.getObject("ciou", Double.class), row.getObject("ciou_adap", Double.class)));
                    }
                }
                return scores;
            }
        });
    }

    /**
     * The leaderboard of one split: every scored submission {@code viewer} may see there.
     *
     * @param viewer the authenticated team, or null for the public
     * @throws NotFoundException for an unknown benchmark or split
     */
    public List<LeaderboardRow> leaderboard(String benchmarkName, String splitName, Team viewer) {
        Split split = new Benchmarks(dataSource).load(benchmarkName).requireSplit(splitName);
        Instant now = clock.instant();
        List<LeaderboardRow> rows = Jdbc.read(dataSource, "reading the leaderboard of " + benchmarkName, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT s.id, s.team_id, t.name AS team,"
                    + " p.name AS phase, p.closes_at, p.leaderboard_public, s.method, s.description, s.paper_url,"
                    + " s.code_url, s.pretrained_vision, s.uses_ogl, s.baseline, s.upsampled_from, s.created_at,"
                    + " r.metrics::text AS metrics FROM eval_result r JOIN eval_submission s ON s.id = r.submission_id"
                    + " JOIN eval_team t ON t.id = s.team_id JOIN eval_phase p ON p.id = s.phase_id"
                    + " WHERE r.split_id = ? AND s.status = 'scored'")) {
                query.setLong(1, split.id());
                List<LeaderboardRow> found = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        if (visible(split.visibility(), viewer, row.getLong("team_id"), closed(row, now),
                                row.getBoolean("leaderboard_public"))) {
                            found.add(row(row));
                        }
                    }
                }
                return found;
            }
        });
        return ranked(rows);
    }

    /** The visibility rule of this class's comment. */
    static boolean visible(SplitVisibility split, Team viewer, long ownerTeamId, boolean phaseClosed,
                           boolean leaderboardPublic) {
        if (viewer != null && viewer.isAdmin()) {
            return true;
        }
        if (split == SplitVisibility.PRIVATE && !phaseClosed) {
            return false;
        }
        return leaderboardPublic || (viewer != null && viewer.id() == ownerTeamId);
    }

    /** Sorted by cIoU (highest first, missing last), then id; each team's best flagged. */
    static List<LeaderboardRow> ranked(List<LeaderboardRow> rows) {
        Comparator<LeaderboardRow> rank = Comparator
                .comparingDouble((LeaderboardRow r) -> r.metrics().primaryOrLowest()).reversed()
                .thenComparingLong(LeaderboardRow::submissionId);
        List<LeaderboardRow> sorted = new ArrayList<>(rows);
        sorted.sort(rank);
        Map<Long, Long> bestOfTeam = new HashMap<>();
        for (LeaderboardRow row : sorted) {
            bestOfTeam.putIfAbsent(row.teamId(), row.submissionId());
        }
        return sorted.stream()
                .map(r -> bestOfTeam.get(r.teamId()) == r.submissionId() ? r.asTeamBest() : r)
                .toList();
    }

    private static boolean closed(ResultSet row, Instant now) throws SQLException {
        Instant closesAt = Jdbc.instant(row, "closes_at");
        return closesAt != null && !now.isBefore(closesAt);
    }

    private static LeaderboardRow row(ResultSet row) throws SQLException {
        SubmissionMetadata metadata = new SubmissionMetadata(row.getString("method"), row.getString("description"),
                row.getString("paper_url"), row.getString("code_url"), row.getBoolean("pretrained_vision"),
                row.getBoolean("uses_ogl"));
        return new LeaderboardRow(row.getLong("id"), row.getLong("team_id"), row.getString("team"),
                row.getString("phase"), metadata, row.getBoolean("baseline"), row.getString("upsampled_from"),
                Jdbc.instant(row, "created_at"), Metrics.fromJson(row.getString("metrics")), false);
    }
}
