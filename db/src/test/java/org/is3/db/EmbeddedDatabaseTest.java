package org.is3.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.is3.db.servicestart.ServiceStart;
import org.is3.db.servicestart.ServiceStartRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One embedded server for the class; the external-url cases connect to it as a server would. */
class EmbeddedDatabaseTest {

    @TempDir
    static Path home;

    private static Database database;
    private static ServiceStartRepository starts;

    @BeforeAll
    static void start() {
        database = Database.start(DatabaseConfig.embedded(home).withPort(0));
        starts = new ServiceStartRepository(database);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void startsEmbeddedWithTheMigrationsApplied() throws SQLException {
        assertTrue(database.embedded());
        assertTrue(database.jdbcUrl().matches("jdbc:postgresql://localhost:\\d+/is3\\?user=postgres"),
                database.jdbcUrl());
        assertTrue(Files.isRegularFile(home.resolve("pg/PG_VERSION")));
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL"
                             + " ORDER BY installed_rank")) {
            for (String version : migrationVersions()) {
                assertTrue(rows.next(), "migration V" + version);
                assertEquals(version, rows.getString(1));
                assertTrue(rows.getBoolean(2));
            }
            assertFalse(rows.next());
        }
    }

    @Test
    void aRecordedStartReadsBackThroughJpaAndSql() throws SQLException {
        Instant before = databaseNow();
        ServiceStart recorded = starts.record("up", "lab-01", "0.1.0");
        Instant after = databaseNow();

        assertNotNull(recorded.id());
        assertFalse(recorded.startedAt().isBefore(before), recorded + " before " + before);
        assertFalse(recorded.startedAt().isAfter(after), recorded + " after " + after);
        ServiceStart latest = starts.latest(1).get(0);
        assertEquals(recorded.id(), latest.id());
        assertEquals("up", latest.service());
        assertEquals("lab-01", latest.host());
        assertEquals("0.1.0", latest.version());
        assertEquals(recorded.startedAt(), latest.startedAt());
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT service, host, version, started_at FROM service_start WHERE id = ?")) {
            query.setLong(1, recorded.id());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals("up", row.getString(1));
                assertEquals("lab-01", row.getString(2));
                assertEquals("0.1.0", row.getString(3));
                assertEquals(recorded.startedAt(), row.getTimestamp(4).toInstant());
            }
        }
    }

    @Test
    void latestListsNewestFirstUpToTheLimit() {
        ServiceStart first = starts.record("eval-server", "lab-02", null);
        ServiceStart second = starts.record("pipeline-worker", "gpu-01", "0.1.0");
        ServiceStart third = starts.record("annotator", "lab-03", "0.1.1");

        List<ServiceStart> latest = starts.latest(2);

        assertEquals(List.of(third.id(), second.id()), latest.stream().map(ServiceStart::id).toList());
        assertTrue(first.id() < second.id());
        assertEquals(null, starts.latest(3).get(2).version());
        assertThrows(IllegalArgumentException.class, () -> starts.latest(0));
    }

    @Test
    void aFailingTransactionLeavesNothingBehind() throws SQLException {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> database.inTransaction(em -> {
            em.persist(new ServiceStart("rolled-back", "lab-04", null));
            em.flush();
            throw new IllegalStateException("work failed after the insert");
        }));

        assertEquals("work failed after the insert", error.getMessage());
        assertEquals(0, count("SELECT count(*) FROM service_start WHERE service = 'rolled-back'"));
    }

    @Test
    void aSecondDatabaseOnTheSameHomeIsRefusedAndTheFirstKeepsWorking() {
        DatabaseStartException error = assertThrows(DatabaseStartException.class,
                () -> Database.start(DatabaseConfig.embedded(home).withPort(0)));

        String message = error.getMessage();
        assertTrue(message.contains(home.resolve("pg").toString()), message);
        assertTrue(message.contains("in use by another running is3"), message);
        assertTrue(message.contains("pid " + ProcessHandle.current().pid()), message);
        assertTrue(message.contains(database.jdbcUrl()), message);
        assertNotNull(starts.record("up", "after-refusal", null).id());
    }

    @Test
    void connectJoinsTheServerThatHoldsTheHomeInsteadOfRefusing() {
        ServiceStart fromOwner = starts.record("eval-server", "owner-side", null);

        try (Database joined = Database.connect(DatabaseConfig.embedded(home).withPort(0).withPoolSize(2))) {
            assertFalse(joined.embedded(), "the joining process must not start a second server");
            assertEquals(database.jdbcUrl(), joined.jdbcUrl());
            ServiceStartRepository joinedStarts = new ServiceStartRepository(joined);
            assertEquals(fromOwner.id(), joinedStarts.latest(1).get(0).id());
            ServiceStart fromJoined = joinedStarts.record("eval-admin", "joined-side", null);
            assertEquals(fromJoined.id(), starts.latest(1).get(0).id());
        }
        assertNotNull(starts.record("up", "after-joined-close", null).id(), "closing the client left the owner running");
    }

    @Test
    void anExternalUrlReachesTheSameDatabaseWithoutStartingAServer(@TempDir Path otherHome) {
        ServiceStart fromEmbedded = starts.record("up", "embedded-side", null);

        try (Database external = Database.start(
                DatabaseConfig.external(otherHome, database.jdbcUrl(), null, null).withPoolSize(2))) {
            assertFalse(external.embedded());
            assertEquals(database.jdbcUrl(), external.jdbcUrl());
            ServiceStartRepository externalStarts = new ServiceStartRepository(external);
            assertEquals(fromEmbedded.id(), externalStarts.latest(1).get(0).id());
            ServiceStart fromExternal = externalStarts.record("eval-worker", "external-side", "0.1.0");
            assertEquals(fromExternal.id(), starts.latest(1).get(0).id());
        }
        assertFalse(Files.exists(otherHome.resolve("pg")));
        assertNotNull(starts.record("up", "after-external-close", null).id());
    }

    @Test
    void aPasswordIsCheckedAndNeverShown(@TempDir Path otherHome) throws Exception {
        requirePasswordFor("is3_guard", "right-Secret-0");
        String url = serverUrl();

        DatabaseStartException wrong = assertThrows(DatabaseStartException.class, () -> Database.start(
                DatabaseConfig.external(otherHome, url, "is3_guard", "wrong-Secret-1")));
        DatabaseStartException wrongInUrl = assertThrows(DatabaseStartException.class, () -> Database.start(
                DatabaseConfig.external(otherHome, url + "?user=is3_guard&password=wrong-Secret-2", null, null)));

        assertTrue(wrong.getMessage().contains(url), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("is3_guard"), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("password authentication failed"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("wrong-Secret-1"), wrong.getMessage());
        assertTrue(wrongInUrl.getMessage().contains(url + "?user=is3_guard&password=***"), wrongInUrl.getMessage());
        assertFalse(wrongInUrl.getMessage().contains("wrong-Secret-2"), wrongInUrl.getMessage());
        try (Database guarded = Database.start(
                DatabaseConfig.external(otherHome, url, "is3_guard", "right-Secret-0").withPoolSize(2));
             Connection connection = guarded.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_user")) {
            assertTrue(row.next());
            assertEquals("is3_guard", row.getString(1));
        }
    }

    @Test
    void anUnreachableServerIsNamedWithoutItsPassword(@TempDir Path otherHome) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + closedPort + "/is3?user=ann&password=hunter2";

        DatabaseStartException error = assertThrows(DatabaseStartException.class,
                () -> Database.start(DatabaseConfig.external(otherHome, url, null, null)));

        String message = error.getMessage();
        assertTrue(message.contains("localhost:" + closedPort + "/is3?user=ann&password=***"), message);
        assertTrue(message.contains("refused"), message);
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void aSchemaThatDriftedFromTheEntitiesFailsValidation(@TempDir Path otherHome) throws SQLException {
        execute("CREATE DATABASE drifted");
        String driftedUrl = serverUrl().replace("/is3", "/drifted") + "?user=postgres";
        Database.start(DatabaseConfig.external(otherHome, driftedUrl, null, null).withPoolSize(2)).close();
        try (Connection connection = DriverManager.getConnection(driftedUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE service_start DROP COLUMN version");
        }

        DatabaseStartException error = assertThrows(DatabaseStartException.class, () -> Database.start(
                DatabaseConfig.external(otherHome, driftedUrl, null, null).withPoolSize(2)));

        assertTrue(error.getMessage().contains(driftedUrl), error.getMessage());
        assertTrue(error.getMessage().contains("missing column [version]"), error.getMessage());
    }

    /** The embedded server's url without its user. */
    private static String serverUrl() {
        return database.jdbcUrl().substring(0, database.jdbcUrl().indexOf('?'));
    }

    /** Puts a password rule for {@code user} ahead of initdb's trust-everyone rules. */
    private static void requirePasswordFor(String user, String password) throws IOException, SQLException {
        execute("CREATE ROLE " + user + " LOGIN SUPERUSER PASSWORD '" + password + "'");
        Path hba = home.resolve("pg/pg_hba.conf");
        Files.writeString(hba, "host all " + user + " all scram-sha-256\n" + Files.readString(hba));
        execute("SELECT pg_reload_conf()");
    }

    private static Instant databaseNow() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT clock_timestamp()")) {
            row.next();
            return row.getTimestamp(1).toInstant();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** V1, V2, … as the migration files of this module number them, in order. */
    private static List<String> migrationVersions() {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            List<String> versions = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.+\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .toList();
            assertFalse(versions.isEmpty(), "no migration files found");
            return versions;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
