package org.is3.eval.store;

import java.util.List;

/** Sample ids in an error message (the store's and the worker's): the first 20, then how many more. */
public final class IdList {
    private static final int SHOWN = 20;

    private IdList() {
    }

    /** {@code "a, b, c"}, or the first 20 and {@code " (and 180 more)"}. */
    public static String describe(List<String> ids) {
        StringBuilder text = new StringBuilder(String.join(", ", ids.subList(0, Math.min(SHOWN, ids.size()))));
        if (ids.size() > SHOWN) {
            text.append(" (and ").append(ids.size() - SHOWN).append(" more)");
        }
        return text.toString();
    }
}
