package org.is3.eval.embedding;

import org.is3.core.formats.PredictionSource;

/**
 * How large an embedding upload may be. The metrics hold both modalities' vectors as float32 arrays
 * (retrieval compares every audio with every image), so the bound is on the floats read, 2·N·D.
 *
 * @param maxDimension   the largest embedding dimension D accepted
 * @param maxTotalFloats the most floats the audio and visual vectors of all samples may hold together
 */
public record EmbeddingLimits(int maxDimension, long maxTotalFloats) {
    /** D ≤ 8192 and at most 64 M floats (256 MiB) for both modalities. */
    public static final EmbeddingLimits DEFAULT = new EmbeddingLimits(8192, 64L << 20);

    /** Bytes an archive entry may take beyond its data: the NPY header and the zip entry headers. */
    private static final long ENTRY_OVERHEAD = 4096;

    public EmbeddingLimits {
        if (maxDimension < 1 || maxTotalFloats < 1) {
            throw new IllegalArgumentException("embedding limits need maxDimension ≥ 1 and maxTotalFloats ≥ 1, got "
                    + maxDimension + " and " + maxTotalFloats);
        }
    }

    /**
     * Archive limits for opening one modality's upload of {@code samples} vectors: room for each
     * sample's float64 vector of the largest dimension plus a little debris (folders, __MACOSX), so an
     * archive that could never pass {@link EmbeddingCheck} is refused before a byte is inflated.
     */
    public PredictionSource.Limits archiveLimits(int samples) {
        long entries = (long) samples + 64;
        long perModality = Math.min((long) maxDimension * samples, maxTotalFloats);
        long bytes = perModality * Double.BYTES + entries * ENTRY_OVERHEAD;
        PredictionSource.Limits d = PredictionSource.Limits.DEFAULT;
        return new PredictionSource.Limits((int) Math.min(entries, Integer.MAX_VALUE), bytes,
                d.maxCompressionRatio(), d.ratioCheckMinBytes());
    }
}
