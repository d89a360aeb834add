package org.is3.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.is3.db.servicestart.ServiceStart;
import org.is3.db.servicestart.ServiceStartRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database in a JVM of its own ({@link DatabaseProcess}), as {@code is3 up} runs it. */
class KilledProcessTest {


    @TempDir
    Path home;

    @TempDir
    Path logs;

    @Test
    void aKilledIs3LeavesNothingToClearByHand() throws Exception {
        Path log = logs.resolve("hold.log");
        Process is3 = DatabaseProcess.launch("hold", home, log);
        String url = DatabaseProcess.awaitLine(is3, log, "READY ").substring("READY ".length());
        long postmaster = Long.parseLong(Files.readAllLines(home.resolve("pg/postmaster.pid")).get(0).trim());
        DatabaseStartException inUse = assertThrows(DatabaseStartException.class,
                () -> Database.start(DatabaseConfig.embedded(home).withPort(0)));
        assertTrue(inUse.getMessage().contains("in use by another running is3 (pid " + is3.pid()
                + ", database " + url + ")"), inUse.getMessage());

        is3.destroyForcibly().waitFor();
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                "kill -9 of the JVM leaves its PostgreSQL running, the case this test is about");

        try (Database database = Database.start(DatabaseConfig.embedded(home).withPort(0))) {
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close(),
                    "the orphaned postmaster " + postmaster + " still answers at " + url);
            List<ServiceStart> starts = new ServiceStartRepository(database).latest(10);
            assertEquals(1, starts.size());
            assertEquals("hold", starts.get(0).service());
        }
    }

    @Test
    void aClosedDatabaseLetsTheJvmExitByItself() throws Exception {
        Path log = logs.resolve("start-stop.log");
        Process is3 = DatabaseProcess.launch("start-stop", home, log);

        boolean exited = is3.waitFor(DatabaseProcess.PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            is3.destroyForcibly().waitFor();
        }

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(exited, "the JVM did not exit after Database.close():\n" + output);
        assertEquals(0, is3.exitValue(), output);
        assertTrue(output.contains("CLOSED_MS "), output);
        assertFalse(output.contains("THREAD "), "non-daemon threads outlived close():\n" + output);
        assertFalse(Files.exists(home.resolve("pg/postmaster.pid")), "PostgreSQL was stopped");
    }

}
