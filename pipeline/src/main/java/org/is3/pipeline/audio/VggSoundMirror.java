package org.is3.pipeline.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.is3.core.InputException;
import org.is3.core.audio.Waveform;
import org.is3.models.media.ClipDecoder;
import org.is3.pipeline.plan.AudioConfig;
import org.is3.pipeline.plan.Category;

/**
 * Clips of a local VGGSound mirror: the index rows whose clip file is present, grouped by the run
 * category whose label (or token) the row's label is. Off-screen clips come from every category of
 * the run that has clips. A clip is decoded with FFmpeg to 16 kHz mono and cut to the configured
 * length from its start (mirror files are the 10-second clips themselves).
 */
final class VggSoundMirror implements AudioSource {

    static final String NAME = "vggsound";

    private final AudioConfig config;
    private final Map<String, List<VggSoundIndex.Entry>> clips = new LinkedHashMap<>();

    VggSoundMirror(AudioConfig config, List<Category> categories) {
        this.config = config;
        if (!Files.isDirectory(config.mirror())) {
            throw new InputException("audio.mirror " + config.mirror() + " is not a directory");
        }
        Map<String, List<VggSoundIndex.Entry>> byLabel = VggSoundIndex.read(config.index());
        for (Category c : categories) {
            List<VggSoundIndex.Entry> present = new ArrayList<>();
            for (Map.Entry<String, List<VggSoundIndex.Entry>> e : byLabel.entrySet()) {
                Category labelled = Category.ofLabel(e.getKey());
                if (c.isNamed(e.getKey()) || labelled != null && labelled.token().equals(c.token())) {
                    e.getValue().stream().filter(x -> Files.isRegularFile(file(x))).forEach(present::add);
                }
            }
            if (!present.isEmpty()) {
                clips.put(c.token(), present);
            }
        }
        if (clips.isEmpty()) {
            throw new InputException("the VGGSound mirror " + config.mirror() + " has no clip file of any run"
                    + " category (index " + config.index() + ", pattern " + config.clipPattern() + ")");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> categories() {
        return List.copyOf(clips.keySet());
    }

    @Override
    public AudioClip draw(String category, SplittableRandom random) {
        List<VggSoundIndex.Entry> pool = clips.get(category);
        if (pool == null) {
            throw new InputException("the VGGSound mirror " + config.mirror() + " has no clip of category '"
                    + category + "'");
        }
        VggSoundIndex.Entry e = pool.get(random.nextInt(pool.size()));
        Path file = file(e);
        Waveform wave = ClipDecoder.audio(file, SAMPLE_RATE, 0, config.seconds());
        if (wave.length() == 0) {
            throw new InputException(file + ": the clip has no audio samples");
        }
        return new AudioClip(wave, category, NAME, Map.of("ytid", e.ytid(), "start", e.start(),
                "label", e.label(), "file", file.getFileName().toString()));
    }

    private Path file(VggSoundIndex.Entry e) {
        return config.mirror().resolve(config.clipName(e.ytid(), e.start()));
    }
}
