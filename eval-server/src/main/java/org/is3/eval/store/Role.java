package org.is3.eval.store;

import java.util.Locale;
import org.is3.core.InputException;

/** What a team's tokens may do: admins manage benchmarks and mark baselines; members submit. */
public enum Role {
    ADMIN,
    MEMBER;

    /** The value in {@code eval_team.role}, also the name on the command line. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code admin} or {@code member}, ignoring case. */
    public static Role fromName(String name) {
        for (Role role : values()) {
            if (role.dbName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return role;
            }
        }
        throw new InputException("unknown role '" + name + "'; expected admin or member");
    }
}
