package org.is3.core.scoring;

import java.util.List;
import org.is3.core.InputException;

/** Reports many input problems as one error: the first {@value #SHOWN}, then how many more. */
final class Problems {
    static final int SHOWN = 20;

    private Problems() {
    }

    static void throwIfAny(String where, List<String> problems) {
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
