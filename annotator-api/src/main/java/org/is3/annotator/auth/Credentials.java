package org.is3.annotator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.is3.annotator.store.Jdbc;

/**
 * Browser sessions and API tokens: 32 random bytes, URL-safe base64, prefixed ({@code is3s_} for a
 * session cookie, {@code is3a_} for a bearer token) so a leaked one is recognisable. Only the
 * SHA-256 is stored, and a lookup goes through its unique index (no byte-by-byte comparison of a
 * stored secret in Java). A session also carries a CSRF token that its writes must echo.
 */
public final class Credentials {
    public static final String SESSION_PREFIX = "is3s_";
    public static final String TOKEN_PREFIX = "is3a_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;

    public Credentials(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A signed-in browser: the cookie value and its CSRF token. */
    public record Session(String secret, String csrf) {
    }

    /** Who a presented secret belongs to; {@code csrf} is null for bearer tokens. */
    public record Caller(Account account, boolean session, String csrf) {
    }

    public Session openSession(Account account, Duration ttl) {
        String secret = SESSION_PREFIX + random();
        String csrf = random();
        insert(account, "session", secret, csrf, ttl);
        return new Session(secret, csrf);
    }

    /** A bearer token for scripts, valid until revoked; shown once. */
    public String issueToken(Account account) {
        String secret = TOKEN_PREFIX + random();
        insert(account, "token", secret, null, null);
        return secret;
    }

    public Optional<Caller> authenticate(String secret) {
        if (secret == null || secret.length() > 100
                || !(secret.startsWith(SESSION_PREFIX) || secret.startsWith(TOKEN_PREFIX))) {
            return Optional.empty();
        }
        return Jdbc.read(dataSource, "authenticating a credential", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT u.id, u.name, u.role, k.kind, k.csrf"
                    + " FROM annot_credential k JOIN annot_user u ON u.id = k.user_id"
                    + " WHERE k.secret_hash = ? AND k.revoked_at IS NULL AND u.disabled_at IS NULL"
                    + " AND (k.expires_at IS NULL OR k.expires_at > now())")) {
                s.setString(1, hash(secret));
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    boolean session = r.getString("kind").equals("session");
                    return Optional.of(new Caller(Accounts.account(r), session, r.getString("csrf")));
                }
            }
        });
    }

    public boolean revoke(String secret) {
        if (secret == null) {
            return false;
        }
        return Jdbc.inTransaction(dataSource, "revoking a credential", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE annot_credential SET revoked_at = now() WHERE secret_hash = ? AND revoked_at IS NULL")) {
                s.setString(1, hash(secret));
                return s.executeUpdate() == 1;
            }
        });
    }

    private void insert(Account account, String kind, String secret, String csrf, Duration ttl) {
        Jdbc.inTransaction(dataSource, "issuing a " + kind + " for " + account.name(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO annot_credential (user_id, kind, secret_hash,"
                    + " csrf, expires_at) VALUES (?, ?, ?, ?, CASE WHEN ?::bigint IS NULL THEN NULL"
                    + " ELSE now() + make_interval(secs => ?::bigint) END)")) {
                s.setLong(1, account.id());
                s.setString(2, kind);
                s.setString(3, hash(secret));
                s.setString(4, csrf);
                s.setObject(5, ttl == null ? null : ttl.toSeconds(), java.sql.Types.BIGINT);
                s.setObject(6, ttl == null ? null : ttl.toSeconds(), java.sql.Types.BIGINT);
                return s.executeUpdate();
            }
        });
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
