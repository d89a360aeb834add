package org.is3.pipeline.audio;

import java.util.Map;
import org.is3.core.audio.Waveform;

/**
 * One clip of an instance's pairing: the positive ({@code id = instance}) or a negative
 * ({@code id = <instance>_<kind>}), with what the manifest records about it.
 *
 * @param category the clip's category token; null for silence and noise
 */
public record PairedAudio(String id, String instance, Kind kind, String category, String source,
                          Map<String, Object> provenance, Waveform wave) {

    /** The positive and the three negative types of IS3+ (datasets.md). */
    public enum Kind {
        POSITIVE, SILENCE, NOISE, OFFSCREEN;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public PairedAudio {
        provenance = Map.copyOf(provenance);
    }
}
