package org.is3.core.metrics;

/**
 * The sample subsets of SLAVC's {@code finalize_stats} (metrics.md §5), in its order. Size subsets
 * hold positives whose GT area {@code ΣG} lies in {@code [min, max)}.
 */
public enum ExtendedSubset {
    ALL("all", 0, 0),
    VISIBLE("visible", 0, 0),
    SMALL("small", 0, 32 * 32),
    MEDIUM("medium", 32 * 32, 96 * 96),
    LARGE("large", 96 * 96, 144 * 144),
    HUGE("huge", 144 * 144, 10000L * 10000);

    private final String key;
    private final long minArea;
    private final long maxArea;

    ExtendedSubset(String key, long minArea, long maxArea) {
        this.key = key;
        this.minArea = minArea;
        this.maxArea = maxArea;
    }

    /** SLAVC's name, as in {@code AP-visible@50}. */
    public String key() {
        return key;
    }

    /** Whether a sample with this box count ({@code bb}, 0 = negative) and GT area belongs here. */
    public boolean contains(int boxCount, double gtArea) {
        return switch (this) {
            case ALL -> true;
            case VISIBLE -> boxCount > 0;
            default -> boxCount > 0 && minArea <= gtArea && gtArea < maxArea;
        };
    }
}
