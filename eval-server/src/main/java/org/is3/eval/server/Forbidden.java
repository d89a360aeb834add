package org.is3.eval.server;

/** An authenticated team asking for what its role does not allow (403). */
final class Forbidden extends RuntimeException {
    Forbidden(String message) {
        super(message);
    }
}
