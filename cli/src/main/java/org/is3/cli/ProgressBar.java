package org.is3.cli;

import java.io.PrintStream;
import org.is3.core.scoring.Progress;

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second. Silent when stderr is
 * not a terminal, so scripts and --json consumers see no control characters.
 */
final class ProgressBar implements Progress, AutoCloseable {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final String label;
    private final PrintStream err;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    private ProgressBar(String label, PrintStream err) {
        this.label = label;
        this.err = err;
    }

    static ProgressBar onStderr(String label) {
        return new ProgressBar(label, System.console() != null ? System.err : null);
    }

    @Override
    public void update(int done, int total) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        synchronized (this) {
            if (done < total && now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
            double seconds = (now - startNanos) / 1e9;
            err.printf("\r%s [%s%s] %d/%d  %.1f s", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
                    done, total, seconds);
            drawn = true;
        }
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.println();
        }
    }
}
