package org.is3.annotator.server;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.is3.annotator.auth.Account;
import org.is3.annotator.auth.Accounts;
import org.is3.annotator.auth.Credentials;
import org.is3.annotator.auth.LoginThrottle;
import org.is3.core.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Log in and out, who am I, change password, issue a bearer token. */
final class AuthRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);
    private final Accounts accounts;
    private final Credentials credentials;
    private final RequestAuth auth;
    private final LoginThrottle throttle;
    private final Duration sessionTtl;

    AuthRoutes(Accounts accounts, Credentials credentials, RequestAuth auth, LoginThrottle throttle, Duration sessionTtl) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.auth = auth;
        this.throttle = throttle;
        this.sessionTtl = sessionTtl;
    }

    void login(Context ctx) {
        JsonRequest body = JsonRequest.of(ctx);
        String name = body.text("name", 64);
        String password = body.text("password", 200);
        String address = ctx.ip();
        Optional<Duration> wait = throttle.refusal(name, address);
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            throw new ApiError(429, "too many failed logins; try again in " + Math.max(1, wait.get().toSeconds()) + " s");
        }
        Optional<Account> account = accounts.authenticate(name, password);
        if (account.isEmpty()) {
            throttle.failed(name, address);
            LOG.info("login failed for '{}' from {}", name, address);
            throw ApiError.unauthorized("wrong user name or password");
        }
        Credentials.Session session = credentials.openSession(account.get(), sessionTtl);
        RequestAuth.setSessionCookie(ctx, session.secret(), sessionTtl);
        LOG.info("login {} ({}) from {}", account.get().name(), account.get().role().dbName(), address);
        ctx.json(me(account.get(), session.csrf()));
    }

    void logout(Context ctx) {
        auth.caller(ctx);
        credentials.revoke(ctx.cookie(RequestAuth.COOKIE));
        RequestAuth.clearSessionCookie(ctx);
        ctx.status(204);
    }

    void me(Context ctx) {
        Credentials.Caller caller = auth.caller(ctx);
        ctx.json(me(caller.account(), caller.csrf()));
    }

    void password(Context ctx) {
        Account a = auth.caller(ctx).account();
        JsonRequest body = JsonRequest.of(ctx);
        String current = body.text("current", 200);
        String next = body.text("new", 200);
        if (accounts.authenticate(a.name(), current).isEmpty()) {
            throw new InputException("current: the current password is wrong");
        }
        accounts.changePassword(a, next);
        ctx.status(204);
    }

    void token(Context ctx) {
        Account a = auth.caller(ctx).account();
        ctx.status(201).json(Map.of("token", credentials.issueToken(a), "name", a.name()));
    }

    private static Map<String, Object> me(Account a, String csrf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("role", a.role().dbName());
        if (csrf != null) {
            m.put("csrf", csrf);
        }
        return m;
    }
}
