package org.is3.annotator.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import org.is3.annotator.auth.Account;
import org.is3.annotator.auth.Credentials;
import org.is3.annotator.auth.Role;

/**
 * Who is calling: {@code Authorization: Bearer <token>} (scripts) or the session cookie (the UI).
 * The cookie is HttpOnly and SameSite=Strict, and a session's writes must also carry its CSRF token
 * in {@code X-CSRF-Token}; writes must be JSON (a cross-site form cannot send that without a
 * preflight), so a foreign page can neither read nor forge a session's requests.
 */
final class RequestAuth {
    static final String COOKIE = "is3_annotator";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private final Credentials credentials;

    RequestAuth(Credentials credentials) {
        this.credentials = credentials;
    }

    Credentials.Caller caller(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw ApiError.unauthorized("the Authorization header must be 'Bearer <token>'");
            }
            return credentials.authenticate(header.substring(7).strip())
                    .orElseThrow(() -> ApiError.unauthorized("unknown, expired or revoked token"));
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null) {
            throw ApiError.unauthorized("not signed in (log in, or send Authorization: Bearer <token>)");
        }
        Credentials.Caller caller = credentials.authenticate(cookie)
                .filter(Credentials.Caller::session)
                .orElseThrow(() -> ApiError.unauthorized("session expired or signed out; log in again"));
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && !csrfMatches(ctx, caller)) {
            throw ApiError.forbidden("missing or wrong " + CSRF_HEADER + " header for this session");
        }
        return caller;
    }

    Account require(Context ctx, Role least) {
        Account a = caller(ctx).account();
        if (!a.role().atLeast(least)) {
            throw ApiError.forbidden("this needs the " + least.dbName() + " role; " + a.name() + " is "
                    + a.role().dbName());
        }
        return a;
    }

    private static boolean csrfMatches(Context ctx, Credentials.Caller caller) {
        String sent = ctx.header(CSRF_HEADER);
        return sent != null && caller.csrf() != null && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), caller.csrf().getBytes(StandardCharsets.UTF_8));
    }

    static void setSessionCookie(Context ctx, String secret, Duration ttl) {
        ctx.header("Set-Cookie", COOKIE + "=" + secret + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + ttl.toSeconds());
    }

    static void clearSessionCookie(Context ctx) {
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    }
}
