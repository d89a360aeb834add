package org.is3.core;

/**
 * Bad user input: a file, field or sample that is not what was expected. The message names the
 * offending thing and what was expected; callers show it as is, without a stack trace.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
