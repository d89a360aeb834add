package org.is3.eval.store;

import org.is3.core.InputException;

/** A benchmark, split, phase, team or submission named by the caller does not exist (HTTP 404). */
public final class NotFoundException extends InputException {
    public NotFoundException(String message) {
        super(message);
    }
}
