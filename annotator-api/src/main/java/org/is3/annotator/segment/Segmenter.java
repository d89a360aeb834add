package org.is3.annotator.segment;

/**
 * The segmenter SPI: clicks (and a box, and the previous mask) in, a mask out. Implementations are
 * found by name through {@link Segmenters} ({@code grabcut} here; {@code sam} is plugged in by the
 * models module through a {@link SegmenterFactory}). Implementations must be safe to call from
 * several request threads at once.
 */
public interface Segmenter extends AutoCloseable {

    /** The name the configuration uses, e.g. {@code grabcut}. */
    String name();

    /** The mask of the object the request points at, row-major, {@code width × height}. */
    boolean[] segment(SegmentRequest request);

    /** {@link #segment} with its latency, as the UI shows it. */
    default Proposal propose(SegmentRequest request) {
        long t0 = System.nanoTime();
        boolean[] mask = segment(request);
        return new Proposal(mask, request.width(), request.height(), System.nanoTime() - t0, name());
    }

    @Override
    default void close() {
    }
}
