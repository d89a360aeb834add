package org.is3.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.is3.db.servicestart.ServiceStart;
import org.is3.db.servicestart.ServiceStartRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database#connect}: a short-lived command on a home that a server process holds joins that
 * server's database as a client, while {@link Database#start} still refuses a second server.
 */
class JoinRunningServerTest {


    @TempDir
    Path home;

    @TempDir
    Path logs;

    @Test
    void aCommandJoinsTheServerOfAnotherProcessAndStartsItsOwnOnceThatOneIsGone() throws Exception {
        Path log = logs.resolve("hold.log");
        Process owner = DatabaseProcess.launch("hold", home, log);
        try {
            String url = DatabaseProcess.awaitLine(owner, log, "READY ").substring("READY ".length());
            assertTrue(Files.readString(home.resolve("pg.lock"), StandardCharsets.UTF_8).contains("url=" + url),
                    "the owner records its url in the home's lock file");
            assertThrows(DataDirectoryInUseException.class,
                    () -> Database.start(DatabaseConfig.embedded(home).withPort(0)),
                    "a second server on the same home is still refused");

            try (Database joined = Database.connect(DatabaseConfig.embedded(home).withPort(0).withPoolSize(2))) {
                assertFalse(joined.embedded());
                assertEquals(url, joined.jdbcUrl());
                ServiceStartRepository starts = new ServiceStartRepository(joined);
                assertEquals("hold", starts.latest(1).get(0).service(), "the owner's row is visible to the client");
                starts.record("eval-admin", "client-side", null);
            }
            assertTrue(owner.isAlive(), "closing the client leaves the owner running");
        } finally {
            owner.destroy();
            owner.waitFor(DatabaseProcess.PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS);
        }

        try (Database own = Database.connect(DatabaseConfig.embedded(home).withPort(0))) {
            assertTrue(own.embedded(), "with the owner gone the command starts the embedded server itself");
            List<ServiceStart> kept = new ServiceStartRepository(own).latest(10);
            assertEquals(List.of("eval-admin", "hold"), kept.stream().map(ServiceStart::service).toList());
        }
    }

}
