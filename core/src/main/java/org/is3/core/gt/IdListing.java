package org.is3.core.gt;

import java.util.List;

/** How error messages list sample ids: the first 20, then how many more, so a bad file gives a readable message. */
final class IdListing {
    static final int SHOWN = 20;

    private IdListing() {
    }

    /** {@code "a, b, c"} or {@code "a, b, … t (and 180 more)"}. */
    static String describe(List<String> ids) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(SHOWN, ids.size());
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(ids.get(i));
        }
        if (ids.size() > shown) {
            sb.append(" (and ").append(ids.size() - shown).append(" more)");
        }
        return sb.toString();
    }
}
