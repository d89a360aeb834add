package org.is3.eval.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Submission records and their status history. {@link #accept} is the quota gate: it locks the
 * team's row, counts and inserts in one transaction, so parallel uploads of one team queue up on
 * the lock and the quota holds exactly (count-then-insert without a lock lets simultaneous uploads
 * through, peers.md). How failures count is {@link QuotaUsage}'s rule. Claiming, leases, scoring
 * and an admin's re-run belong to the queue (org.is3.eval.queue); here a submission is only
 * created queued, looked up, or flagged as a baseline.
 */
public final class Submissions {

    private static final String SELECT = "SELECT s.id, s.team_id, t.name AS team, s.phase_id, p.name AS phase,"
            + " p.benchmark_id, b.name AS benchmark, s.method, s.description, s.paper_url, s.code_url,"
            + " s.pretrained_vision, s.uses_ogl, s.baseline, s.upsampled_from, s.file_path, s.file_bytes, s.status,"
            + " s.error, s.attempts, s.created_at, s.finished_at FROM eval_submission s"
            + " JOIN eval_team t ON t.id = s.team_id JOIN eval_phase p ON p.id = s.phase_id"
            + " JOIN eval_benchmark b ON b.id = p.benchmark_id";

    private final DataSource dataSource;
    private final Clock clock;

    public Submissions(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** With a clock of the caller's: it sets created_at and the UTC day of the daily quota. */
    public Submissions(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * A fresh submission id (never handed out twice), for a caller that stores the file under
     * {@code <home>/submissions/<id>/} before calling {@link #accept(long, Team, Phase, SubmissionMetadata, StoredFile)}.
     */
    public long reserveId() {
        return Jdbc.read(dataSource, "reserving a submission id", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT nextval(pg_get_serial_sequence('eval_submission', 'id'))");
                 ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** {@link #accept(long, Team, Phase, SubmissionMetadata, StoredFile)} with a new id and no upsampling. */
    public Submission accept(Team team, Phase phase, SubmissionMetadata metadata, String filePath, long fileBytes) {
        return accept(reserveId(), team, phase, metadata, new StoredFile(filePath, fileBytes, null));
    }

    /**
     * Queues a submission if the phase is open and the team has room in every quota: status
     * {@code queued} and its first event, committed together with the quota check.
     *
     * @param id from {@link #reserveId()}
     * @throws NoOpenPhaseException   when the phase is not open now
     * @throws QuotaExceededException when a quota is used up; nothing is written
     */
    public Submission accept(long id, Team team, Phase phase, SubmissionMetadata metadata, StoredFile file) {
        Instant now = clock.instant();
        if (!phase.isOpenAt(now)) {
            throw new NoOpenPhaseException(phase.describe() + " is not open now (" + now + "): "
                    + Phases.describeWindow(phase, now));
        }
        Jdbc.inTransaction(dataSource, "accepting a submission of team " + team.name(), connection -> {
            lockTeam(connection, team);
            usage(connection, team, phase, now).requireRoom();
            insert(connection, id, team, phase, metadata, file, now);
            addEvent(connection, id, SubmissionStatus.QUEUED, "accepted: " + file.bytes() + " bytes", now);
            return null;
        });
        return require(id);
    }

    /** The team's counts in the phase now, for showing what is left before an upload. */
    public QuotaUsage usage(Team team, Phase phase) {
        Instant now = clock.instant();
        return Jdbc.read(dataSource, "counting the submissions of team " + team.name(),
                connection -> usage(connection, team, phase, now));
    }

    public Optional<Submission> find(long id) {
        return Jdbc.read(dataSource, "reading submission " + id, connection -> {
            try (PreparedStatement query = connection.prepareStatement(SELECT + " WHERE s.id = ?")) {
                query.setLong(1, id);
                return submissions(query).stream().findFirst();
            }
        });
    }

    /** The submission, or a {@link NotFoundException}. */
    public Submission require(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("no submission with id " + id));
    }

    /** The team's submissions, newest first, to one benchmark when {@code benchmarkName} is not null. */
    public List<Submission> listForTeam(Team team, String benchmarkName) {
        return Jdbc.read(dataSource, "listing the submissions of team " + team.name(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(SELECT + " WHERE s.team_id = ?"
                    + (benchmarkName == null ? "" : " AND b.name = ?") + " ORDER BY s.created_at DESC, s.id DESC")) {
                query.setLong(1, team.id());
                if (benchmarkName != null) {
                    query.setString(2, benchmarkName);
                }
                return submissions(query);
            }
        });
    }

    /** The status history, oldest first. */
    public List<SubmissionEvent> events(long id) {
        return Jdbc.read(dataSource, "reading the history of submission " + id, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, submission_id, status, detail, at"
                    + " FROM eval_submission_event WHERE submission_id = ? ORDER BY id")) {
                query.setLong(1, id);
                List<SubmissionEvent> events = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        events.add(new SubmissionEvent(row.getLong("id"), row.getLong("submission_id"),
                                row.getString("status"), row.getString("detail"), Jdbc.instant(row, "at")));
                    }
                }
                return events;
            }
        });
    }

    /** Marks (or unmarks) an entry as a baseline, shown as such on the leaderboard. */
    public Submission markBaseline(long id, boolean baseline) {
        int updated = Jdbc.inTransaction(dataSource, "marking submission " + id + " as baseline", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE eval_submission SET baseline = ? WHERE id = ?")) {
                update.setBoolean(1, baseline);
                update.setLong(2, id);
                return update.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new NotFoundException("no submission with id " + id);
        }
        return require(id);
    }

    /**
     * Appends a status event, on the caller's connection so it commits with the status change.
     * For the queue and the workers too.
     *
     * @param at when it happened; null for the database's {@code now()} (the queue's clock, which
     *           workers on machines with skewed clocks agree on)
     */
    public static void addEvent(Connection connection, long submissionId, SubmissionStatus status, String detail,
                                Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO eval_submission_event"
                + " (submission_id, status, detail, at) VALUES (?, ?, ?, coalesce(?, now()))")) {
            insert.setLong(1, submissionId);
            insert.setString(2, status.dbName());
            insert.setString(3, detail);
            Jdbc.setInstant(insert, 4, at);
            insert.executeUpdate();
        }
    }

    /**
     * Waits for, then holds until commit, the lock on the team's row: every accept of this team
     * runs its count and insert alone. Other teams are not held up.
     */
    private static void lockTeam(Connection connection, Team team) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM eval_team WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, team.id());
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException("no team with id " + team.id() + " ('" + team.name() + "')");
                }
            }
        }
    }

    private static QuotaUsage usage(Connection connection, Team team, Phase phase, Instant now) throws SQLException {
        Instant dayStart = now.truncatedTo(ChronoUnit.DAYS);
        try (PreparedStatement count = connection.prepareStatement("SELECT"
                + " count(*) FILTER (WHERE status <> 'failed' AND created_at >= ?),"
                + " count(*) FILTER (WHERE status <> 'failed'),"
                + " count(*) FILTER (WHERE status = 'failed')"
                + " FROM eval_submission WHERE team_id = ? AND phase_id = ?")) {
            Jdbc.setInstant(count, 1, dayStart);
            count.setLong(2, team.id());
            count.setLong(3, phase.id());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return new QuotaUsage(team.name(), phase, row.getInt(1), row.getInt(2), row.getInt(3), dayStart);
            }
        }
    }

    private static void insert(Connection connection, long id, Team team, Phase phase, SubmissionMetadata metadata,
                               StoredFile file, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO eval_submission (id, team_id,"
                + " phase_id, method, description, paper_url, code_url, pretrained_vision, uses_ogl, upsampled_from,"
                + " file_path, file_bytes, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, team.id());
            insert.setLong(3, phase.id());
            insert.setString(4, metadata.method());
            insert.setString(5, metadata.description());
            insert.setString(6, metadata.paperUrl());
            insert.setString(7, metadata.codeUrl());
            insert.setBoolean(8, metadata.pretrainedVision());
            insert.setBoolean(9, metadata.usesOgl());
            insert.setString(10, file.upsampledFrom());
            insert.setString(11, file.relativePath());
            insert.setLong(12, file.bytes());
            Jdbc.setInstant(insert, 13, now);
            insert.executeUpdate();
        }
    }

    private static List<Submission> submissions(PreparedStatement query) throws SQLException {
        List<Submission> found = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                SubmissionMetadata metadata = new SubmissionMetadata(row.getString("method"),
                        row.getString("description"), row.getString("paper_url"), row.getString("code_url"),
                        row.getBoolean("pretrained_vision"), row.getBoolean("uses_ogl"));
                found.add(new Submission(row.getLong("id"), row.getLong("team_id"), row.getString("team"),
                        row.getLong("phase_id"), row.getString("phase"), row.getLong("benchmark_id"),
                        row.getString("benchmark"), metadata, row.getBoolean("baseline"),
                        row.getString("upsampled_from"), row.getString("file_path"), row.getLong("file_bytes"),
                        SubmissionStatus.fromDb(row.getString("status")), row.getString("error"),
                        row.getInt("attempts"), Jdbc.instant(row, "created_at"), Jdbc.instant(row, "finished_at")));
            }
        }
        return found;
    }
}
