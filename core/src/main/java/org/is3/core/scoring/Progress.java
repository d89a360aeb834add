package org.is3.core.scoring;

/** Receives progress from scoring threads; implementations must be thread-safe and cheap. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    void update(int done, int total);
}
