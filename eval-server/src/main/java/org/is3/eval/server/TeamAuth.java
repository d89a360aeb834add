package org.is3.eval.server;

import io.javalin.http.Context;
import org.is3.eval.auth.Tokens;
import org.is3.eval.store.Team;

/** The team behind a request's {@code Authorization: Bearer TOKEN}; anything else is a 401. */
final class TeamAuth {
    private final Tokens tokens;

    TeamAuth(Tokens tokens) {
        this.tokens = tokens;
    }

    Team require(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new Unauthorized("missing Authorization header (expected: Authorization: Bearer <token>)");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthorized("the Authorization header must be 'Bearer <token>'");
        }
        return tokens.authenticate(header.substring(7).strip())
                .orElseThrow(() -> new Unauthorized("unknown or revoked token"));
    }

    Team requireAdmin(Context ctx) {
        Team team = require(ctx);
        if (!team.isAdmin()) {
            throw new Forbidden("team " + team.name() + " is not an admin");
        }
        return team;
    }
}
