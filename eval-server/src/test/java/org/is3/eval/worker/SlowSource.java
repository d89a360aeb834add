package org.is3.eval.worker;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.PredictionSource;

/**
 * A submission that takes {@code delayMillis} per map, so a test can act while a worker is
 * scoring; {@link #reading} opens on the first read.
 */
public final class SlowSource implements PredictionSource {
    private final PredictionSource inner;
    private final long delayMillis;
    private final CountDownLatch reading;

    public SlowSource(PredictionSource inner, long delayMillis, CountDownLatch reading) {
        this.inner = inner;
        this.delayMillis = delayMillis;
        this.reading = reading;
    }

    @Override
    public List<String> ids() {
        return inner.ids();
    }

    @Override
    public NpyArray read(String id) {
        reading.countDown();
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("read of " + id + " interrupted", e);
        }
        return inner.read(id);
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void close() {
        inner.close();
    }
}
