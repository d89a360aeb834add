package org.is3.eval.queue;

/** The queue's database could not be reached or refused a statement; the message says which step. */
public final class QueueException extends RuntimeException {
    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
