package org.is3.annotator.task;

/** Why a task cannot be used by the caller; the HTTP edge maps the reason to a status. */
public final class TaskException extends RuntimeException {

    public enum Reason {
        /** No such task (or another account's honeypot): 404. */
        NOT_FOUND,
        /** Leased to someone else: 403. */
        NOT_YOURS,
        /** The lease ran out, was replaced by a newer one, or the work was already submitted: 409. */
        CONFLICT,
        /** The task is not of the kind the request needs: 400. */
        WRONG_KIND
    }

    private final Reason reason;

    public TaskException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
