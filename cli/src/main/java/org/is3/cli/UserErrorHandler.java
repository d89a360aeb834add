package org.is3.cli;

import org.is3.core.InputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Expected user errors print one clear message and exit 2; anything else is a bug and shows its trace. */
final class UserErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        if (ex instanceof InputException) {
            cmd.getErr().println("is3: " + ex.getMessage());
            return 2;
        }
        throw new RuntimeException(ex);
    }
}
