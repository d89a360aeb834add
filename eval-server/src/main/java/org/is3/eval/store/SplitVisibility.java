package org.is3.eval.store;

import java.util.Locale;

/**
 * Who sees what of a split (peers.md, Leaderboards): per-sample scores only ever on a dev split,
 * because per-case scores on a hidden split leak its ground truth.
 */
public enum SplitVisibility {
    /** Public dev split: aggregates and the submitting team's per-sample results. */
    DEV,
    /** Hidden test split: aggregates only. */
    TEST,
    /** Hidden private split: aggregates only, and only once the submission's phase has closed. */
    PRIVATE;

    /** The value in {@code eval_split.visibility}, also the split's name. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SplitVisibility fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
