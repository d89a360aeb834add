package org.is3.eval.store;

import java.nio.file.Path;

/**
 * A submitted file already on disk.
 *
 * @param relativePath  the path under {@code <home>/submissions}, e.g. {@code 42/predictions.npz}
 * @param bytes         its size
 * @param upsampledFrom the maps' resolution when smaller than 224×224 (e.g. {@code 7x7}), or null
 */
public record StoredFile(String relativePath, long bytes, String upsampledFrom) {
    /** A submission's optional embeddings sit beside its maps under these names. */
    public static final String AUDIO_EMBEDDINGS = "audio_emb";
    public static final String VISUAL_EMBEDDINGS = "visual_emb";

    public StoredFile {
        Path path = Path.of(relativePath);
        if (relativePath.isBlank() || path.isAbsolute() || !path.normalize().equals(path)
                || path.startsWith("..")) {
            throw new IllegalArgumentException("submission file path '" + relativePath
                    + "' must be relative to <home>/submissions, without '..'");
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("file size " + bytes + " < 0");
        }
    }
}
