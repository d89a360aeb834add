package org.is3.eval.auth;

import org.is3.eval.store.Team;

/**
 * A token just issued: the only time its text exists outside the client, since the database keeps
 * its SHA-256 alone. {@link #toString()} leaves the text out so it cannot reach a log by accident.
 *
 * @param id    {@code eval_token.id}
 * @param token the bearer token, {@code is3_} and 43 URL-safe base64 characters
 */
public record IssuedToken(long id, Team team, String token) {
    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", team=" + team.name() + "]";
    }
}
