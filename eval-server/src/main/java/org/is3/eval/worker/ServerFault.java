package org.is3.eval.worker;

/**
 * A known fault on the server's side, not the team's (a stored file gone missing): the attempt is
 * retried, and the log line needs no stack trace.
 */
final class ServerFault extends RuntimeException {
    ServerFault(String message) {
        super(message);
    }
}
