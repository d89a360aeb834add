package org.is3.core;

import java.util.List;

/**
 * How errors list many bad things at once, so a bad file gives a readable message: the first
 * {@value #SHOWN}, then how many more.
 */
public final class Problems {
    public static final int SHOWN = 20;

    private Problems() {
    }

    /** {@code "a, b, c"}, or the first 20 and {@code " (and 180 more)"}. */
    public static String ids(List<String> ids) {
        StringBuilder text = new StringBuilder(String.join(", ", ids.subList(0, Math.min(SHOWN, ids.size()))));
        if (ids.size() > SHOWN) {
            text.append(" (and ").append(ids.size() - SHOWN).append(" more)");
        }
        return text.toString();
    }

    /** One error with a line per problem, when there are any. */
    public static void throwIfAny(String where, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append(" with ")
                .append(where).append(':');
        problems.stream().limit(SHOWN).forEach(p -> sb.append("\n  ").append(p));
        if (problems.size() > SHOWN) {
            sb.append("\n  … and ").append(problems.size() - SHOWN).append(" more");
        }
        throw new InputException(sb.toString());
    }
}
