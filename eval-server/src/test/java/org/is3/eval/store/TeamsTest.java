package org.is3.eval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.is3.core.InputException;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamsTest {

    @TempDir
    static Path home;

    private static Database database;
    private static Teams teams;

    @BeforeAll
    static void start() {
        database = Database.start(DatabaseConfig.embedded(home).withPort(0));
        teams = new Teams(database.dataSource());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void teamsAreCreatedOnceFoundByNameAndListed() {
        Team lab = teams.create("  KAIST MM Lab (audio)  ", Role.MEMBER);
        Team admins = teams.create("Organisers", Role.fromName("ADMIN"));

        assertEquals("KAIST MM Lab (audio)", lab.name());
        assertFalse(lab.isAdmin());
        assertTrue(admins.isAdmin());
        assertEquals(lab, teams.require("KAIST MM Lab (audio)"));
        assertEquals(lab, teams.find(lab.id()).orElseThrow());
        java.util.List<Team> listed = teams.list();
        assertTrue(listed.indexOf(lab) >= 0 && listed.indexOf(lab) < listed.indexOf(admins), listed.toString());
        AlreadyExistsException twice = assertThrows(AlreadyExistsException.class,
                () -> teams.create("KAIST MM Lab (audio)", Role.ADMIN));
        assertEquals("a team named 'KAIST MM Lab (audio)' exists already", twice.getMessage());
        assertEquals("no team named 'nobody'", assertThrows(NotFoundException.class,
                () -> teams.require("nobody")).getMessage());
    }

    @Test
    void namesWithMarkupOrNothingAndUnknownRolesAreRefused() {
        for (String bad : new String[] {"", "   ", "<script>", "a\"b", "_lead", "x".repeat(65), "tab\tname"}) {
            InputException error = assertThrows(InputException.class, () -> teams.create(bad, Role.MEMBER), bad);
            assertTrue(error.getMessage().startsWith("team name '"), error.getMessage());
        }
        assertEquals("Équipe Zürich", teams.create("Équipe Zürich", Role.MEMBER).name());
        assertEquals("unknown role 'owner'; expected admin or member",
                assertThrows(InputException.class, () -> Role.fromName("owner")).getMessage());
    }
}
