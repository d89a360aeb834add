package org.is3.annotator.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.is3.core.InputException;

/** What an account may do; each role may also do everything of the roles before it. */
public enum Role {
    /** Verifies and annotates images. */
    ANNOTATOR,
    /** Also resolves disagreements in the review queue. */
    REVIEWER,
    /** Also sees the statistics page and every account's figures. */
    ADMIN;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public static Role fromName(String name) {
        for (Role r : values()) {
            if (r.dbName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return r;
            }
        }
        throw new InputException("unknown role '" + name + "' (expected one of "
                + Arrays.stream(values()).map(Role::dbName).collect(Collectors.joining(", ")) + ")");
    }
}
