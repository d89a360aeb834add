package org.is3.eval.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Phases of benchmarks. Phases of one benchmark may overlap; the phase a submission goes to is the
 * open one that opened last ({@link #openNow}).
 */
public final class Phases {

    private static final String SELECT = "SELECT p.id, p.benchmark_id, b.name AS benchmark, p.name, p.opens_at,"
            + " p.closes_at, p.daily_quota, p.total_quota, p.failed_quota, p.leaderboard_public"
            + " FROM eval_phase p JOIN eval_benchmark b ON b.id = p.benchmark_id";

    private final DataSource dataSource;
    private final Clock clock;

    public Phases(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** With a clock of the caller's (tests move time). */
    public Phases(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Adds a phase to a benchmark.
     *
     * @throws NotFoundException      when there is no such benchmark
     * @throws AlreadyExistsException when the benchmark has a phase of that name
     */
    public Phase add(String benchmarkName, NewPhase phase) {
        long id = Jdbc.inTransaction(dataSource, "adding phase " + phase.name() + " to " + benchmarkName,
                connection -> insert(connection, benchmarkName, benchmarkId(connection, benchmarkName), phase));
        return find(id).orElseThrow();
    }

    public Optional<Phase> find(long id) {
        return Jdbc.read(dataSource, "reading phase " + id, connection -> {
            try (PreparedStatement query = connection.prepareStatement(SELECT + " WHERE p.id = ?")) {
                query.setLong(1, id);
                return phases(query).stream().findFirst();
            }
        });
    }

    /** The phases of a benchmark by opening time; empty for an unknown benchmark. */
    public List<Phase> list(String benchmarkName) {
        return Jdbc.read(dataSource, "listing the phases of " + benchmarkName, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    SELECT + " WHERE b.name = ? ORDER BY p.opens_at, p.id")) {
                query.setString(1, benchmarkName);
                return phases(query);
            }
        });
    }

    /**
     * The phase of the benchmark open now (the one opened last, when several are).
     *
     * @throws NotFoundException    when there is no such benchmark
     * @throws NoOpenPhaseException when none is open; the message lists the phases with their times
     */
    public Phase openNow(String benchmarkName) {
        Instant now = clock.instant();
        List<Phase> phases = list(benchmarkName);
        Optional<Phase> open = phases.stream().filter(p -> p.isOpenAt(now))
                .max(Comparator.comparing(Phase::opensAt).thenComparing(Phase::id));
        if (open.isPresent()) {
            return open.get();
        }
        if (phases.isEmpty()) {
            Jdbc.read(dataSource, "reading benchmark " + benchmarkName, c -> benchmarkId(c, benchmarkName));
            throw new NoOpenPhaseException("benchmark '" + benchmarkName + "' takes no submissions: it has no phase");
        }
        throw new NoOpenPhaseException("benchmark '" + benchmarkName + "' takes no submissions now (" + now
                + "): " + phases.stream().map(p -> describeWindow(p, now)).collect(Collectors.joining("; ")));
    }

    /** "phase 'a' opens at …", "phase 'b' closed at …". */
    static String describeWindow(Phase phase, Instant now) {
        if (now.isBefore(phase.opensAt())) {
            return "phase '" + phase.name() + "' opens at " + phase.opensAt();
        }
        return "phase '" + phase.name() + "' closed at " + phase.closesAt();
    }

    private static long benchmarkId(Connection connection, String benchmarkName) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM eval_benchmark WHERE name = ?")) {
            query.setString(1, benchmarkName);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException("no benchmark named '" + benchmarkName + "'");
                }
                return row.getLong(1);
            }
        }
    }

    private static long insert(Connection connection, String benchmarkName, long benchmarkId, NewPhase phase)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO eval_phase (benchmark_id, name,"
                + " opens_at, closes_at, daily_quota, total_quota, failed_quota, leaderboard_public)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (benchmark_id, name) DO NOTHING RETURNING id")) {
            insert.setLong(1, benchmarkId);
            insert.setString(2, phase.name());
            Jdbc.setInstant(insert, 3, phase.opensAt());
            Jdbc.setInstant(insert, 4, phase.closesAt());
            insert.setInt(5, phase.dailyQuota());
            insert.setInt(6, phase.totalQuota());
            insert.setInt(7, phase.failedQuota());
            insert.setBoolean(8, phase.leaderboardPublic());
            try (ResultSet row = insert.executeQuery()) {
                if (!row.next()) {
                    throw new AlreadyExistsException("benchmark '" + benchmarkName + "' has a phase named '"
                            + phase.name() + "' already; choose another name");
                }
                return row.getLong(1);
            }
        }
    }

    static List<Phase> phases(PreparedStatement query) throws SQLException {
        List<Phase> phases = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                phases.add(new Phase(row.getLong("id"), row.getLong("benchmark_id"), row.getString("benchmark"),
                        row.getString("name"), Jdbc.instant(row, "opens_at"), Jdbc.instant(row, "closes_at"),
                        row.getInt("daily_quota"), row.getInt("total_quota"), row.getInt("failed_quota"),
                        row.getBoolean("leaderboard_public")));
            }
        }
        return phases;
    }
}
