package org.is3.pipeline.audio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.is3.core.InputException;
import org.is3.core.audio.Waveform;
import org.is3.core.shapes.ShapeCategory;
import org.is3.core.shapes.SoundSignature;

/** The shapes world's per-category sound signatures, each clip synthesized from a drawn seed. */
final class ShapesAudio implements AudioSource {

    static final String NAME = "shapes";

    private final Map<String, ShapeCategory> categories = new LinkedHashMap<>();
    private final double seconds;

    ShapesAudio(List<ShapeCategory> categories, double seconds) {
        categories.forEach(c -> this.categories.put(c.name(), c));
        this.seconds = seconds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> categories() {
        return List.copyOf(categories.keySet());
    }

    @Override
    public AudioClip draw(String category, SplittableRandom random) {
        ShapeCategory c = categories.get(category);
        if (c == null) {
            throw new InputException("'" + category + "' is not a shapes-world category of this run");
        }
        long seed = random.nextLong();
        float[] samples = SoundSignature.synthesize(c, seed, seconds, SAMPLE_RATE);
        return new AudioClip(new Waveform(samples, SAMPLE_RATE), category, NAME,
                Map.of("signature", category, "seed", seed, "seconds", seconds));
    }
}
