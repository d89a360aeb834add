package org.is3.trainer.train;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.is3.trainer.data.Batch;
import org.is3.trainer.data.BatchMaker;

/**
 * Builds the next batches on one background thread while the engine computes the current step (Java
 * image and spectrogram work overlaps the native forward/backward). Batches depend only on their
 * step ({@link BatchMaker}), so prefetching changes nothing in what the model sees.
 */
final class Prefetcher implements AutoCloseable {

    private final BatchMaker maker;
    private final int depth;
    private final long lastStep;
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "is3-batch-prefetch");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Future<Batch>> pending = new HashMap<>();

    Prefetcher(BatchMaker maker, int depth, long lastStep) {
        this.maker = maker;
        this.depth = depth;
        this.lastStep = lastStep;
    }

    /** The batch of {@code step}, queueing the following ones. */
    Batch take(long step) {
        for (long s = step; s < Math.min(step + 1 + depth, lastStep); s++) {
            final long at = s;
            pending.computeIfAbsent(s, x -> pool.submit(() -> maker.make(at)));
        }
        Future<Batch> f = pending.remove(step);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the batch of step " + step, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("building the batch of step " + step + " failed", e.getCause());
        }
    }

    /** Drops queued batches (the neighbour positives changed). */
    void clear() {
        for (Future<Batch> f : pending.values()) {
            f.cancel(false);
        }
        for (Future<Batch> f : pending.values()) {
            try {
                if (!f.isCancelled()) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
                // a dropped batch's failure is the next take's to report
            }
        }
        pending.clear();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
