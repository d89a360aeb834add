package org.is3.eval.store;

import org.is3.core.InputException;

/** The request does not fit the record's current state, e.g. a re-run of a queued submission (HTTP 409). */
public final class InvalidStateException extends InputException {
    public InvalidStateException(String message) {
        super(message);
    }
}
