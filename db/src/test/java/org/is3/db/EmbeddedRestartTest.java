package org.is3.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.is3.db.servicestart.ServiceStart;
import org.is3.db.servicestart.ServiceStartRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stopping and starting again on one home: the data stay, leftovers of past runs are cleared. */
class EmbeddedRestartTest {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRestartTest.class);

    @TempDir
    Path home;

    @Test
    void dataSurviveAStopAndStart() throws SQLException {
        ServiceStart before;
        long coldStart = System.nanoTime();
        try (Database database = start()) {
            LOG.info("cold start (initdb, migrate, JPA) took {} ms", EmbeddedServer.millisSince(coldStart));
            before = new ServiceStartRepository(database).record("up", "lab-01", "0.1.0");
        }

        long warmStart = System.nanoTime();
        try (Database database = start()) {
            LOG.info("warm start (same JVM) took {} ms", EmbeddedServer.millisSince(warmStart));
            ServiceStartRepository starts = new ServiceStartRepository(database);
            List<ServiceStart> kept = starts.latest(10);
            assertEquals(1, kept.size());
            assertEquals(before.id(), kept.get(0).id());
            assertEquals(before.startedAt(), kept.get(0).startedAt());
            assertEquals("lab-01", kept.get(0).host());
            assertTrue(starts.record("up", "lab-01", "0.1.0").id() > before.id());
            assertEquals(1, count(database, "SELECT count(*) FROM flyway_schema_history WHERE version = '1'"));
        }
    }

    @Test
    void aPidFileOfADeadProcessIsCleared() throws Exception {
        recordOneStart();
        writePidFile(deadPid());

        try (Database database = start()) {
            assertEquals(1, new ServiceStartRepository(database).latest(10).size());
        }
    }

    /**
     * A pid reused by an unrelated live process (after a reboot, say): PostgreSQL alone refuses to
     * start while that pid is alive and not one of its own ancestors.
     */
    @Test
    void aPidFileNamingAnUnrelatedLiveProcessIsCleared() throws Exception {
        recordOneStart();
        Process unrelated = new ProcessBuilder("sleep", "300").start();
        try {
            writePidFile(unrelated.pid());

            try (Database database = start()) {
                assertEquals(1, new ServiceStartRepository(database).latest(10).size());
            }
            assertTrue(unrelated.isAlive(), "the unrelated process was left alone");
        } finally {
            unrelated.destroyForcibly().waitFor();
        }
    }

    @Test
    void aBusyPortIsNamedAndReleasesTheHome() throws IOException {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = busy.getLocalPort();

            DatabaseStartException error = assertThrows(DatabaseStartException.class,
                    () -> Database.start(DatabaseConfig.embedded(home).withPort(port)));

            assertTrue(error.getMessage().contains("port " + port + " on localhost"), error.getMessage());
            assertTrue(error.getMessage().contains("already in use"), error.getMessage());
        }
        try (Database database = start()) {
            assertTrue(database.embedded());
        }
    }

    private Database start() {
        return Database.start(DatabaseConfig.embedded(home).withPort(0));
    }

    private void recordOneStart() {
        try (Database database = start()) {
            new ServiceStartRepository(database).record("up", "lab-01", null);
        }
        assertFalse(Files.exists(home.resolve("pg/postmaster.pid")), "a clean stop removes postmaster.pid");
    }

    /** A postmaster.pid as PostgreSQL writes it: pid, data directory, start time, port, socket dir, … */
    private void writePidFile(long pid) throws IOException {
        Path dataDirectory = home.resolve("pg").toAbsolutePath();
        Files.writeString(dataDirectory.resolve("postmaster.pid"),
                pid + "\n" + dataDirectory + "\n1795533109\n5999\n/tmp\nlocalhost\n  2179554         4\nready   \n");
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private static long count(Database database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
