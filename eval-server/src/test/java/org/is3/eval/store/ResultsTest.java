package org.is3.eval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.metrics.LocalizationProtocol;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two teams on a public phase and one entry of team B on a phase whose leaderboard is hidden; both
 * phases close at {@link #CLOSE}. Results are written as the scoring worker would.
 */
class ResultsTest {

    private static final Instant T0 = Instant.parse("2030-09-01T08:00:00Z");
    private static final Instant CLOSE = T0.plusSeconds(86_400);

    @TempDir
    static Path home;

    private static Database database;
    private static final StoreFixtures.MovableClock CLOCK = new StoreFixtures.MovableClock(T0);
    private static Results results;
    private static Benchmark benchmark;
    private static Team teamA;
    private static Team teamB;
    private static Team admin;
    private static Submission a1;
    private static Submission a2;
    private static Submission b1;
    private static Submission hidden;

    @BeforeAll
    static void start() throws SQLException {
        database = Database.start(DatabaseConfig.embedded(home).withPort(0));
        results = new Results(database.dataSource(), CLOCK);
        GroundTruthSet truth = StoreFixtures.generated(9);
        benchmark = new Benchmarks(database.dataSource()).create(new NewBenchmark("board", GroundTruthFormat.IS3,
                LocalizationProtocol.SSLALIGN, 0.03, List.of(
                        new SplitTruth(SplitVisibility.DEV, GroundTruthSet.of(truth.samples().subList(0, 3))),
                        new SplitTruth(SplitVisibility.TEST, GroundTruthSet.of(truth.samples().subList(3, 6))),
                        new SplitTruth(SplitVisibility.PRIVATE, GroundTruthSet.of(truth.samples().subList(6, 9))))));
        Phases phases = new Phases(database.dataSource(), CLOCK);
        Phase open = phases.add("board", new NewPhase("main", T0.minusSeconds(3600), CLOSE, 9, 9, 9, true));
        Phase closedBoard = phases.add("board", new NewPhase("hidden", T0.minusSeconds(7200), CLOSE, 9, 9, 9, false));
        Teams teams = new Teams(database.dataSource());
        teamA = teams.create("A", Role.MEMBER);
        teamB = teams.create("B", Role.MEMBER);
        admin = teams.create("Organisers", Role.ADMIN);
        Submissions submissions = new Submissions(database.dataSource(), CLOCK);
        a1 = scored(submissions.accept(teamA, open, SubmissionMetadata.ofMethod("a-one"), "a1.npz", 1), 0.4);
        a2 = scored(submissions.accept(teamA, open, SubmissionMetadata.ofMethod("a-two"), "a2.npz", 1), 0.6);
        b1 = scored(submissions.accept(teamB, open, SubmissionMetadata.ofMethod("b-one"), "b1.npz", 1), 0.5);
        hidden = scored(submissions.accept(teamB, closedBoard, SubmissionMetadata.ofMethod("b-hidden"), "h.npz", 1), 0.9);
        submissions.markBaseline(b1.id(), true);
        sampleResult(a1, "dev", truth.at(2).id(), 0.25, null);
        sampleResult(a1, "dev", truth.at(0).id(), 0.75, 0.5);
        sampleResult(a1, "test", truth.at(3).id(), 0.5, 0.5); // a worker must not write these; never shown
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void beforeClose() {
        CLOCK.set(T0);
    }

    @Test
    void thePublicBoardListsEveryVisibleEntryBestFirstWithEachTeamsBestFlagged() {
        List<LeaderboardRow> board = results.leaderboard("board", "test", null);

        assertEquals(List.of(a2.id(), b1.id(), a1.id()), board.stream().map(LeaderboardRow::submissionId).toList());
        assertEquals(List.of(true, true, false), board.stream().map(LeaderboardRow::teamBest).toList());
        assertEquals(List.of(false, true, false), board.stream().map(LeaderboardRow::baseline).toList());
        LeaderboardRow top = board.get(0);
        assertEquals("A", top.teamName());
        assertEquals("main", top.phaseName());
        assertEquals("a-two", top.metadata().method());
        assertEquals(OptionalDouble.of(0.6 + 0.01), top.metrics().get("ciou"));
        assertEquals(21, ((List<?>) top.metrics().values().get("curve")).size());
        assertEquals(OptionalDouble.empty(), top.metrics().get("ap"), "null (NaN) reads as absent");
    }

    @Test
    void aHiddenLeaderboardShowsItsEntriesOnlyToTheirTeamAndAdmins() {
        List<LeaderboardRow> forB = results.leaderboard("board", "test", teamB);
        List<LeaderboardRow> forA = results.leaderboard("board", "test", teamA);
        List<LeaderboardRow> forAdmin = results.leaderboard("board", "test", admin);

        assertEquals(List.of(hidden.id(), a2.id(), b1.id(), a1.id()), ids(forB));
        assertEquals(List.of(true, true, false, false), forB.stream().map(LeaderboardRow::teamBest).toList());
        assertEquals(List.of(a2.id(), b1.id(), a1.id()), ids(forA));
        assertEquals(List.of(hidden.id(), a2.id(), b1.id(), a1.id()), ids(forAdmin));
        assertEquals(List.of(), results.forSubmission(hidden.id(), null));
        assertEquals(List.of(), results.forSubmission(hidden.id(), teamA));
        assertEquals(List.of("dev", "test"), splitNames(results.forSubmission(hidden.id(), teamB)));
    }

    @Test
    void thePrivateSplitIsRevealedWhenItsPhaseCloses() {
        assertEquals(List.of(), results.leaderboard("board", "private", null));
        assertEquals(List.of(), results.leaderboard("board", "private", teamA));
        assertEquals(4, results.leaderboard("board", "private", admin).size());
        assertEquals(List.of("dev", "test"), splitNames(results.forSubmission(a1.id(), teamA)));
        assertEquals(List.of("dev", "test", "private"), splitNames(results.forSubmission(a1.id(), admin)));

        CLOCK.set(CLOSE);

        assertEquals(List.of(a2.id(), b1.id(), a1.id()), ids(results.leaderboard("board", "private", null)));
        assertEquals(List.of(hidden.id(), a2.id(), b1.id(), a1.id()), ids(results.leaderboard("board", "private", teamB)));
        List<SplitResult> forA = results.forSubmission(a1.id(), teamA);
        assertEquals(List.of("dev", "test", "private"), splitNames(forA));
        assertEquals(OptionalDouble.of(0.4 + 0.02), forA.get(2).metrics().get("ciou"));
        assertEquals(SplitVisibility.PRIVATE, forA.get(2).visibility());
    }

    @Test
    void perSampleResultsAreForTheDevSplitAndTheSubmittingTeamOnly() {
        List<SampleScore> own = results.devSamples(a1.id(), teamA);

        assertEquals(2, own.size(), own.toString());
        assertEquals(new SampleScore("dev", "gen_0009", 0.75, 0.5), own.get(0), "in the split's order");
        assertEquals(new SampleScore("dev", "gen_0007", 0.25, null), own.get(1));
        assertEquals(own, results.devSamples(a1.id(), admin));
        assertEquals(List.of(), results.devSamples(a1.id(), teamB));
        assertEquals(List.of(), results.devSamples(a1.id(), null));
    }

    @Test
    void unknownSplitsAndBenchmarksAreNamed() {
        assertEquals("benchmark 'board' has no split 'final'; its splits: dev, test, private",
                assertThrows(NotFoundException.class, () -> results.leaderboard("board", "final", null)).getMessage());
        assertTrue(assertThrows(NotFoundException.class, () -> results.leaderboard("nope", "test", null))
                .getMessage().startsWith("no benchmark named 'nope'"));
    }

    /** Scored, with cIoU {@code ciou} on dev, +0.01 on test, +0.02 on private. */
    private static Submission scored(Submission s, double ciou) throws SQLException {
        StoreFixtures.setStatus(database.dataSource(), s.id(), SubmissionStatus.SCORED);
        int i = 0;
        for (Split split : benchmark.splits()) {
            StoreFixtures.writeResult(database.dataSource(), s.id(), split.id(), "{\"n\": 3, \"ciou\": " + (ciou + 0.01 * i++)
                    + ", \"auc\": 0.3, \"ap\": null, \"curve\": [" + "0.5, ".repeat(20) + "0.0]}");
        }
        return s;
    }

    private static void sampleResult(Submission s, String split, String sampleId, Double ciou, Double ciouAdap)
            throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO eval_sample_result"
                     + " (submission_id, split_id, sample_id, ciou, ciou_adap) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, s.id());
            insert.setLong(2, benchmark.requireSplit(split).id());
            insert.setString(3, sampleId);
            insert.setObject(4, ciou);
            insert.setObject(5, ciouAdap);
            insert.executeUpdate();
        }
    }

    private static List<Long> ids(List<LeaderboardRow> rows) {
        return rows.stream().map(LeaderboardRow::submissionId).toList();
    }

    private static List<String> splitNames(List<SplitResult> splitResults) {
        return splitResults.stream().map(SplitResult::splitName).toList();
    }
}
