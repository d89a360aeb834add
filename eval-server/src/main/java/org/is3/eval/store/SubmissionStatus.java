package org.is3.eval.store;

import java.util.Locale;

/** Where a submission is in the queue: queued → running → scored | failed (requeues go back to queued). */
public enum SubmissionStatus {
    QUEUED,
    RUNNING,
    SCORED,
    FAILED;

    /** The value in {@code eval_submission.status}, also the API's. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubmissionStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
