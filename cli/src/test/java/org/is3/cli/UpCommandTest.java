package org.is3.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.db.servicestart.ServiceStartRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code is3 up} starts the real embedded PostgreSQL and eval server, answers health, and keeps its data. */
class UpCommandTest {
    @TempDir
    Path home;

    @Test
    void startsChecksStopsAndKeepsItsDataAcrossRestarts() {
        for (int start = 1; start <= 2; start++) {
            ScoreCommandTest.Run run = ScoreCommandTest.is3("up", "--check", "--home", home.toString(),
                    "--eval-port", "0", "--db-port", "0", "--broker-port", "0", "--demo-images", "3", "--annotate-port", "0");
            assertEquals(0, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("embedded PostgreSQL at jdbc:postgresql://localhost:"), run.out());
            assertTrue(run.out().contains("(migrations applied)"), run.out());
            assertTrue(run.out().contains("embedded ActiveMQ Artemis, journal "), run.out());
            assertTrue(run.out().contains("demo-3-s0-512: 3 images — GENERATED 3"), run.out());
            assertTrue(run.out().matches("(?s).*check +http://127\\.0\\.0\\.1:\\d+/health → 200 .*check +http://127"
                    + "\\.0\\.0\\.1:\\d+/health → 200 .*"), "eval server and annotator healthy: " + run.out());
            assertTrue(run.out().contains("  annotator    http://127.0.0.1:"), run.out());
            assertTrue(run.out().matches("(?s).*check +http://127\\.0\\.0\\.1:\\d+/health → 200 .*\"database\":\"up\".*"),
                    run.out());
        }
        assertTrue(Files.isDirectory(home.resolve("pg")), "data under <home>/pg");
        assertTrue(Files.isDirectory(home.resolve("broker")), "broker journal under <home>/broker");
        try (Database db = Database.start(DatabaseConfig.embedded(home).withPort(0))) {
            assertEquals(2, new ServiceStartRepository(db).latest(10).size(), "both starts were recorded and kept");
        }
    }

    @Test
    void helpNamesTheDatabaseOptions() {
        ScoreCommandTest.Run run = ScoreCommandTest.is3("up", "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("--db-url") && run.out().contains("IS3_HOME"), run.out());
    }
}
