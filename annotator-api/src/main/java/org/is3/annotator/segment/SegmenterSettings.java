package org.is3.annotator.segment;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a segmenter may be configured with: the is3 home (e.g. where a SAM model directory or
 * precomputed embeddings live) and free-form options ({@code iterations} for grabcut,
 * {@code model-dir} for sam).
 */
public record SegmenterSettings(Path home, Map<String, String> options) {

    public SegmenterSettings {
        options = Map.copyOf(options);
    }

    public int intOption(String key, int fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("segmenter option " + key + " must be an integer, got '" + v + "'");
        }
    }
}
