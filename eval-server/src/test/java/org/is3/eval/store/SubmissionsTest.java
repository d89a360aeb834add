package org.is3.eval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.eval.queue.SubmissionQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionsTest {

    private static final Instant T0 = Instant.parse("2030-06-01T10:00:00Z");
    private static final int RACERS = 16;

    @TempDir
    static Path home;

    private static Database database;
    private static final StoreFixtures.MovableClock CLOCK = new StoreFixtures.MovableClock(T0);
    private static Submissions submissions;
    private static Teams teams;
    private static Benchmark benchmark;

    @BeforeAll
    static void start() {
        database = Database.start(DatabaseConfig.embedded(home).withPort(0).withPoolSize(RACERS + 2));
        submissions = new Submissions(database.dataSource(), CLOCK);
        teams = new Teams(database.dataSource());
        benchmark = StoreFixtures.benchmark(database.dataSource(), 3);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void anAcceptedSubmissionIsQueuedWithItsMetadataAndFirstEvent() {
        CLOCK.set(T0);
        Team team = team();
        Phase phase = phase(5, 10, 3);
        SubmissionMetadata metadata = new SubmissionMetadata("SSL-Align", "ours", "https://arxiv.org/abs/2309.10724",
                "https://github.com/kaistmm/SSLalignment", true, false);
        long id = submissions.reserveId();

        Submission s = submissions.accept(id, team, phase, metadata,
                new StoredFile(id + "/predictions.npz", 12_345, "7x7"));

        assertEquals(id, s.id());
        assertEquals(SubmissionStatus.QUEUED, s.status());
        assertEquals(metadata, s.metadata());
        assertEquals(team.name(), s.teamName());
        assertEquals(phase.name(), s.phaseName());
        assertEquals(benchmark.name(), s.benchmarkName());
        assertEquals(id + "/predictions.npz", s.filePath());
        assertEquals(12_345, s.fileBytes());
        assertEquals("7x7", s.upsampledFrom());
        assertEquals(T0, s.createdAt());
        assertFalse(s.baseline());
        assertNull(s.finishedAt());
        List<SubmissionEvent> events = submissions.events(id);
        assertEquals(1, events.size());
        assertEquals("queued", events.get(0).status());
        assertEquals("accepted: 12345 bytes", events.get(0).detail());
        assertEquals(T0, events.get(0).at());
        assertEquals(Optional.of(s), submissions.find(id));
        assertEquals(List.of(s), submissions.listForTeam(team, benchmark.name()));
        assertEquals(List.of(s), submissions.listForTeam(team, null));
        assertEquals(List.of(), submissions.listForTeam(team, "other-benchmark"));
    }

    /** Count-then-insert without the team lock lets several of these through; the lock lets exactly 5. */
    @Test
    void parallelUploadsNeverExceedTheTotalQuota() throws Exception {
        CLOCK.set(T0);
        Team team = team();
        Phase phase = phase(100, 5, 3);

        List<Object> outcomes = race(team, phase);

        long accepted = outcomes.stream().filter(o -> o instanceof Submission).count();
        List<QuotaExceededException> refused = outcomes.stream().filter(o -> o instanceof QuotaExceededException)
                .map(o -> (QuotaExceededException) o).toList();
        assertEquals(5, accepted, summary(outcomes));
        assertEquals(RACERS - 5, refused.size(), summary(outcomes));
        assertTrue(refused.stream().allMatch(e -> e.quota() == QuotaExceededException.Quota.TOTAL));
        assertEquals(5, count("SELECT count(*) FROM eval_submission WHERE team_id = " + team.id()));
        assertEquals(5, count("SELECT count(*) FROM eval_submission_event e JOIN eval_submission s"
                + " ON s.id = e.submission_id WHERE s.team_id = " + team.id()));
    }

    @Test
    void parallelUploadsNeverExceedTheDailyQuotaWhichResetsAtUtcMidnight() throws Exception {
        CLOCK.set(Instant.parse("2030-06-01T23:59:59Z"));
        Team team = team();
        Phase phase = phase(3, 100, 3);

        List<Object> outcomes = race(team, phase);

        assertEquals(3, outcomes.stream().filter(o -> o instanceof Submission).count(), summary(outcomes));
        QuotaExceededException daily = (QuotaExceededException) outcomes.stream()
                .filter(o -> o instanceof QuotaExceededException).findFirst().orElseThrow();
        assertEquals(QuotaExceededException.Quota.DAILY, daily.quota());
        assertEquals(3, daily.limit());
        assertEquals(3, daily.used());
        assertEquals(Optional.of(Instant.parse("2030-06-02T00:00:00Z")), daily.resetsAt());
        assertEquals("daily quota used up: team '" + team.name() + "' in " + phase.describe() + " has 3 submission(s)"
                + " today (UTC), its daily quota is 3; it resets at 2030-06-02T00:00:00Z", daily.getMessage());

        CLOCK.set(Instant.parse("2030-06-02T00:00:00Z"));
        assertEquals(SubmissionStatus.QUEUED, accept(team, phase).status());
        QuotaUsage usage = submissions.usage(team, phase);
        assertEquals(1, usage.today());
        assertEquals(4, usage.total());
        assertEquals(2, usage.dailyLeft());
    }

    @Test
    void failedSubmissionsFreeTheirSlotButHaveTheirOwnCap() throws SQLException {
        CLOCK.set(T0);
        Team team = team();
        Phase phase = phase(2, 2, 2);
        Submission first = accept(team, phase);
        accept(team, phase);
        assertEquals(QuotaExceededException.Quota.TOTAL,
                assertThrows(QuotaExceededException.class, () -> accept(team, phase)).quota());

        StoreFixtures.setStatus(database.dataSource(), first.id(), SubmissionStatus.FAILED);
        Submission third = accept(team, phase);
        StoreFixtures.setStatus(database.dataSource(), third.id(), SubmissionStatus.FAILED);

        QuotaExceededException failed = assertThrows(QuotaExceededException.class, () -> accept(team, phase));
        assertEquals(QuotaExceededException.Quota.FAILED, failed.quota());
        assertEquals(2, failed.used());
        assertEquals(Optional.empty(), failed.resetsAt());
        assertTrue(failed.getMessage().startsWith("failed quota used up: team '" + team.name() + "' in "
                + phase.describe() + " has 2 failed submission(s), its cap is 2"), failed.getMessage());
        QuotaUsage usage = submissions.usage(team, phase);
        assertEquals(1, usage.total(), "failed ones do not count against the total");
        assertEquals(1, usage.totalLeft());
        assertEquals(0, usage.failedLeft());
    }

    @Test
    void quotasArePerTeamAndPerPhase() {
        CLOCK.set(T0);
        Phase phase = phase(1, 1, 1);
        Team a = team();
        Team b = team();
        accept(a, phase);

        assertThrows(QuotaExceededException.class, () -> accept(a, phase));
        assertEquals(SubmissionStatus.QUEUED, accept(b, phase).status());
        assertEquals(SubmissionStatus.QUEUED, accept(a, phase(1, 1, 1)).status());
    }

    @Test
    void aPhaseThatIsNotOpenTakesNothing() {
        Phase phase = phase(5, 5, 5);
        Team team = team();
        CLOCK.set(phase.closesAt());

        NoOpenPhaseException error = assertThrows(NoOpenPhaseException.class, () -> accept(team, phase));

        assertEquals(phase.describe() + " is not open now (" + phase.closesAt() + "): phase '" + phase.name()
                + "' closed at " + phase.closesAt(), error.getMessage());
        assertEquals(List.of(), submissions.listForTeam(team, null));
    }

    @Test
    void baselinesAreMarkedAndUnmarked() {
        CLOCK.set(T0);
        Submission s = accept(team(), phase(5, 5, 5));

        assertTrue(submissions.markBaseline(s.id(), true).baseline());
        assertFalse(submissions.markBaseline(s.id(), false).baseline());
        assertEquals("no submission with id -5",
                assertThrows(NotFoundException.class, () -> submissions.markBaseline(-5, true)).getMessage());
    }

    /** The admin's re-run is the queue's ({@link SubmissionQueue#rerun}); here, what the store shows of it. */
    @Test
    void aRerunRequeuesAScoredSubmissionAndDropsItsResults() throws SQLException {
        CLOCK.set(T0);
        Team team = team();
        Submission s = accept(team, phase(5, 5, 5));
        SubmissionQueue queue = new SubmissionQueue(database.dataSource(), 3);
        assertTrue(queue.rerun(s.id(), "requested by an admin (was queued)"), "any status is re-run");
        StoreFixtures.setStatus(database.dataSource(), s.id(), SubmissionStatus.SCORED);
        StoreFixtures.writeResult(database.dataSource(), s.id(), benchmark.requireSplit("test").id(), "{\"ciou\": 0.5}");

        CLOCK.set(T0.plusSeconds(60));
        assertTrue(queue.rerun(s.id(), "requested by an admin (was scored)"));
        Submission rerun = submissions.require(s.id());

        assertEquals(SubmissionStatus.QUEUED, rerun.status());
        assertNull(rerun.finishedAt());
        assertEquals(0, rerun.attempts());
        assertEquals(0, count("SELECT count(*) FROM eval_result WHERE submission_id = " + s.id()));
        List<SubmissionEvent> events = submissions.events(s.id());
        assertEquals(List.of("queued", "queued", "queued"), events.stream().map(SubmissionEvent::status).toList());
        assertEquals("re-run: requested by an admin (was scored)", events.get(2).detail());
        assertNotEquals(T0.plusSeconds(60), events.get(2).at(), "the queue's events carry the database's clock");
        assertFalse(queue.rerun(-1, "no such submission"));
    }

    @Test
    void storedFilePathsStayUnderTheSubmissionsDirectory() {
        for (String bad : new String[] {"/etc/passwd", "../x.npz", "a/../../x", " ", "a/./b"}) {
            assertThrows(IllegalArgumentException.class, () -> new StoredFile(bad, 1, null), bad);
        }
        assertEquals("12/p.npz", new StoredFile("12/p.npz", 0, null).relativePath());
    }

    /** {@value #RACERS} threads released together, each trying one accept. */
    private static List<Object> race(Team team, Phase phase) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Callable<Object> upload = () -> {
                    start.await();
                    try {
                        return accept(team, phase);
                    } catch (QuotaExceededException e) {
                        return e;
                    }
                };
                futures.add(pool.submit(upload));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String summary(List<Object> outcomes) {
        return outcomes.stream().map(o -> o instanceof Submission s ? "accepted " + s.id()
                : ((QuotaExceededException) o).quota() + " refused").toList().toString();
    }

    private static Submission accept(Team team, Phase phase) {
        return submissions.accept(team, phase, SubmissionMetadata.ofMethod("m"), "upload.npz", 10);
    }

    private static Team team() {
        return teams.create(StoreFixtures.unique("team"), Role.MEMBER);
    }

    private static Phase phase(int daily, int total, int failed) {
        return StoreFixtures.openPhase(database.dataSource(), benchmark, T0, daily, total, failed);
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
