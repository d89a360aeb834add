package org.is3.eval.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.is3.eval.store.Jdbc;
import org.is3.eval.store.Team;
import org.is3.eval.store.Teams;

/**
 * API tokens: 32 bytes from {@link SecureRandom}, URL-safe base64 without padding, prefixed
 * {@code is3_} (so a leaked token is recognisable in logs and secret scanners). Only the SHA-256
 * hex digest is stored; a token is shown once, when issued.
 *
 * <p>Authentication looks a token up by its digest through the unique index on
 * {@code eval_token.token_hash}; no stored secret is compared byte by byte in Java, so there is
 * no early-exit comparison whose timing could reveal a prefix. What the lookup's timing could
 * reveal is how much of a <em>digest</em> matches, and steering the digest of a guess is a
 * preimage attack on SHA-256; with 256 random bits a token cannot be guessed either. So a
 * constant-time comparison would add nothing here.
 */
public final class Tokens {

    public static final String PREFIX = "is3_";
    private static final int RANDOM_BYTES = 32;
    /** {@code is3_} and 43 base64url characters (32 bytes, no padding). */
    private static final int LENGTH = PREFIX.length() + 43;

    private final DataSource dataSource;
    private final SecureRandom random;

    public Tokens(DataSource dataSource) {
        this(dataSource, new SecureRandom());
    }

    public Tokens(DataSource dataSource, SecureRandom random) {
        this.dataSource = dataSource;
        this.random = random;
    }

    /** Issues a new token for {@code team}; its other tokens stay valid. */
    public IssuedToken issue(Team team) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = Jdbc.inTransaction(dataSource, "issuing a token for team " + team.name(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO eval_token (team_id, token_hash) VALUES (?, ?) RETURNING id")) {
                insert.setLong(1, team.id());
                insert.setString(2, hash(token));
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
        return new IssuedToken(id, team, token);
    }

    /**
     * The team a token belongs to; empty for an unknown, malformed or revoked token (the caller
     * answers 401 in every case, without saying which).
     */
    public Optional<Team> authenticate(String token) {
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String digest = hash(token);
        return Jdbc.read(dataSource, "authenticating a token", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT t.id, t.name, t.role, t.created_at"
                    + " FROM eval_token k JOIN eval_team t ON t.id = k.team_id"
                    + " WHERE k.token_hash = ? AND k.revoked_at IS NULL")) {
                query.setString(1, digest);
                return Teams.teams(query).stream().findFirst();
            }
        });
    }

    /** Revokes every live token of {@code team}; returns how many were live. */
    public int revokeAll(Team team) {
        return Jdbc.inTransaction(dataSource, "revoking the tokens of team " + team.name(), connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE eval_token SET revoked_at = now() WHERE team_id = ? AND revoked_at IS NULL")) {
                update.setLong(1, team.id());
                return update.executeUpdate();
            }
        });
    }

    /** Revokes one token (e.g. the one a client presents); false when it was unknown or revoked already. */
    public boolean revoke(String token) {
        if (token == null) {
            return false;
        }
        return Jdbc.inTransaction(dataSource, "revoking a token", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE eval_token SET revoked_at = now() WHERE token_hash = ? AND revoked_at IS NULL")) {
                update.setString(1, hash(token));
                return update.executeUpdate() == 1;
            }
        });
    }

    /** How many unrevoked tokens {@code team} has. */
    public int liveCount(Team team) {
        return Jdbc.read(dataSource, "counting the tokens of team " + team.name(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT count(*) FROM eval_token WHERE team_id = ? AND revoked_at IS NULL")) {
                query.setLong(1, team.id());
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes, as stored in {@code eval_token.token_hash}. */
    public static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
