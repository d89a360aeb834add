package org.is3.annotator.store;

import java.sql.SQLException;

/** A database failure while doing the named work (not the user's fault: a 500). */
public final class StoreException extends RuntimeException {
    public StoreException(String what, SQLException cause) {
        super(what + " failed: " + cause.getMessage(), cause);
    }
}
