package org.is3.pipeline.store;

/**
 * One paired clip of an instance (table {@code pipeline_audio}).
 *
 * @param kind           positive, silence, noise or offscreen
 * @param provenanceJson where the clip came from, as JSON
 * @param path           the WAV, relative to the is3 home
 */
public record StoredAudio(String base, String audioId, String instance, String kind, String category,
                          String source, String provenanceJson, String path, int samples) {
}
