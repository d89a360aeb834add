package org.is3.eval.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.eval.store.Role;
import org.is3.eval.store.StoreFixtures;
import org.is3.eval.store.Team;
import org.is3.eval.store.Teams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

    @TempDir
    static Path home;

    private static Database database;
    private static Teams teams;
    private static Tokens tokens;

    @BeforeAll
    static void start() {
        database = Database.start(DatabaseConfig.embedded(home).withPort(0));
        teams = new Teams(database.dataSource());
        tokens = new Tokens(database.dataSource());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void anIssuedTokenIsUrlSafeRandomAndStoredOnlyAsItsSha256() throws Exception {
        Team team = teams.create(StoreFixtures.unique("team"), Role.MEMBER);

        IssuedToken issued = tokens.issue(team);

        String token = issued.token();
        assertTrue(token.matches("is3_[A-Za-z0-9_-]{43}"), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token.substring(4)).length);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sha256, Tokens.hash(token));
        assertEquals(List.of(sha256), storedHashes(team));
        assertFalse(dump().contains(token.substring(4)), "the token text is nowhere in eval_token");
        assertFalse(issued.toString().contains(token), issued.toString());
        assertNotEquals(token, tokens.issue(team).token());
    }

    @Test
    void aTokenAuthenticatesItsTeamUntilRevoked() {
        Team team = teams.create(StoreFixtures.unique("team"), Role.ADMIN);
        Team other = teams.create(StoreFixtures.unique("team"), Role.MEMBER);
        String first = tokens.issue(team).token();
        String second = tokens.issue(team).token();
        String others = tokens.issue(other).token();

        assertEquals(Optional.of(team), tokens.authenticate(first));
        assertEquals(Optional.of(team), tokens.authenticate(second));
        assertEquals(2, tokens.liveCount(team));

        assertTrue(tokens.revoke(first));
        assertFalse(tokens.revoke(first), "revoked already");
        assertEquals(Optional.empty(), tokens.authenticate(first));
        assertEquals(Optional.of(team), tokens.authenticate(second), "one revoked token leaves the others");

        assertEquals(1, tokens.revokeAll(team));
        assertEquals(Optional.empty(), tokens.authenticate(second));
        assertEquals(0, tokens.liveCount(team));
        assertEquals(Optional.of(other), tokens.authenticate(others), "another team's token is untouched");
        assertEquals(Optional.of(team), tokens.authenticate(tokens.issue(team).token()), "a new token after revoking");
    }

    @Test
    void malformedAndUnknownTokensAuthenticateNobody() {
        String valid = tokens.issue(teams.create(StoreFixtures.unique("team"), Role.MEMBER)).token();
        List<String> bad = new ArrayList<>(List.of("", "is3_", "Bearer " + valid, valid + "x", valid.substring(1),
                valid.toUpperCase(), "is3_" + "A".repeat(43)));
        bad.add(null);
        for (String token : bad) {
            assertEquals(Optional.empty(), tokens.authenticate(token), String.valueOf(token));
        }
        assertFalse(tokens.revoke(null));
        assertFalse(tokens.revoke("is3_unknown"));
    }

    private static List<String> storedHashes(Team team) throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT token_hash FROM eval_token WHERE team_id = " + team.id())) {
            while (row.next()) {
                hashes.add(row.getString(1));
            }
        }
        return hashes;
    }

    private static String dump() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT string_agg(t::text, ' ') FROM eval_token t")) {
            row.next();
            return row.getString(1);
        }
    }
}
