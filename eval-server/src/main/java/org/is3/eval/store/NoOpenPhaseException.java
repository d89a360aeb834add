package org.is3.eval.store;

import org.is3.core.InputException;

/** A benchmark takes no submissions now: it has no phase, or none is open (HTTP 403). */
public final class NoOpenPhaseException extends InputException {
    public NoOpenPhaseException(String message) {
        super(message);
    }
}
