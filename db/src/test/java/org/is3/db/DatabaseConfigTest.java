package org.is3.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    private static final Path HOME = Path.of("/srv/is3-home");

    @Test
    void embeddedDefaultsToTheStablePortUnderHome() {
        DatabaseConfig config = DatabaseConfig.embedded(HOME);

        assertTrue(config.embedded());
        assertNull(config.url());
        assertEquals(15432, config.port());
        assertEquals(10, config.poolSize());
        assertEquals(Path.of("/srv/is3-home/pg"), config.dataDirectory());
    }

    @Test
    void defaultHomeIsDotIs3InTheUserHome() {
        assertEquals(Path.of(System.getProperty("user.home"), ".is3"), DatabaseConfig.defaultHome());
    }

    @Test
    void externalKeepsUrlAndCredentials() {
        DatabaseConfig config = DatabaseConfig.external(HOME, "jdbc:postgresql://db.lab:5432/is3", "ann", "pw")
                .withPoolSize(3);

        assertFalse(config.embedded());
        assertEquals("jdbc:postgresql://db.lab:5432/is3", config.url());
        assertEquals("ann", config.user());
        assertEquals("pw", config.password());
        assertEquals(3, config.poolSize());
    }

    @Test
    void rejectsAUrlThatIsNotPostgresAndDoesNotEchoItsPassword() {
        InputException error = assertThrows(InputException.class, () -> DatabaseConfig.external(
                HOME, "jdbc:mysql://db.lab/is3?user=ann&password=hunter2", null, null));

        assertTrue(error.getMessage().contains("jdbc:mysql://db.lab/is3?user=ann&password=***"), error.getMessage());
        assertTrue(error.getMessage().contains("jdbc:postgresql://host:port/database"), error.getMessage());
        assertFalse(error.getMessage().contains("hunter2"), error.getMessage());
    }

    @Test
    void rejectsCredentialsForTheEmbeddedServer() {
        InputException error = assertThrows(InputException.class,
                () -> new DatabaseConfig(HOME, null, "ann", null, 0, 2));

        assertTrue(error.getMessage().contains("embedded"), error.getMessage());
    }

    @Test
    void rejectsPortsOutsideTheTcpRangeAndPoolsTooSmallForMigrations() {
        DatabaseConfig config = DatabaseConfig.embedded(HOME);

        assertEquals(0, config.withPort(0).port());
        assertEquals(65535, config.withPort(65535).port());
        assertTrue(assertThrows(InputException.class, () -> config.withPort(65536)).getMessage().contains("65536"));
        assertTrue(assertThrows(InputException.class, () -> config.withPort(-1)).getMessage().contains("-1"));
        assertEquals(2, config.withPoolSize(2).poolSize());
        assertTrue(assertThrows(InputException.class, () -> config.withPoolSize(1)).getMessage().contains("pool size 1"));
    }

    @Test
    void toStringShowsNoPassword() {
        DatabaseConfig config = DatabaseConfig.external(
                HOME, "jdbc:postgresql://db.lab/is3?password=hunter2", "ann", "s3cret");

        String text = config.toString();

        assertFalse(text.contains("hunter2"), text);
        assertFalse(text.contains("s3cret"), text);
        assertTrue(text.contains("jdbc:postgresql://db.lab/is3?password=***"), text);
        assertTrue(text.contains("user=ann"), text);
    }

    @Test
    void withoutPasswordMasksPasswordParametersOnly() {
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true&sslpassword=***",
                DatabaseConfig.withoutPassword(
                        "jdbc:postgresql://h/db?user=u&password=p&ssl=true&sslpassword=k"));
        assertEquals("jdbc:postgresql://h:5432/db", DatabaseConfig.withoutPassword("jdbc:postgresql://h:5432/db"));
    }
}
