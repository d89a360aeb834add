package org.is3.eval.store;

import org.is3.core.InputException;

/** A benchmark, phase or team of that name exists already (HTTP 409). */
public final class AlreadyExistsException extends InputException {
    public AlreadyExistsException(String message) {
        super(message);
    }
}
