package org.is3.eval.server;

/** A request without a valid bearer token (401). */
final class Unauthorized extends RuntimeException {
    Unauthorized(String message) {
        super(message);
    }
}
