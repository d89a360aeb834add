package org.is3.eval.store;

import java.time.Instant;

/** A team: the unit that holds tokens, submits, and has quotas. */
public record Team(long id, String name, Role role, Instant createdAt) {
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
