package org.is3.annotator.task;

import java.util.Locale;
import org.is3.core.InputException;

/** The queues annotators pull from. */
public enum TaskKind {
    /** Approve or reject a GENERATED image. */
    VERIFY,
    /** Masks for both categories of an APPROVED image (one of its k overlapping slots), or a honeypot. */
    ANNOTATE,
    /** Choose the accepted masks of an image whose k annotations disagree. */
    REVIEW;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskKind fromName(String name) {
        for (TaskKind k : values()) {
            if (k.dbName().equals(name)) {
                return k;
            }
        }
        throw new InputException("kind: expected verify, annotate or review, got '" + name + "'");
    }
}
