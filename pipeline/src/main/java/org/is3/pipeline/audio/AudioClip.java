package org.is3.pipeline.audio;

import java.util.Map;
import org.is3.core.audio.Waveform;

/**
 * A clip drawn for pairing: the samples, the category it sounds like, and where it came from
 * (a VGGSound id and start, or the synthesis seed), which goes into the release manifest.
 */
public record AudioClip(Waveform wave, String category, String source, Map<String, Object> provenance) {

    public AudioClip {
        provenance = Map.copyOf(provenance);
    }
}
