package org.is3.pipeline.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.is3.core.InputException;
import org.is3.core.audio.Wav;
import org.is3.core.audio.Waveform;

/**
 * The clips of an imported IS3 ({@code <dir>/<instance>.wav}, category = the instance's last
 * {@code _token}): every instance keeps its own clip as the positive, and off-screen clips are drawn
 * from the other categories' clips of the same release, as vssl_eval draws them from its test pool.
 */
final class ImportedAudio implements AudioSource {

    static final String NAME = "is3";

    private final Path dir;
    private final Map<String, List<String>> byCategory = new TreeMap<>();

    ImportedAudio(Path dir) {
        this.dir = dir;
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wav")).sorted().forEach(n -> {
                String id = n.substring(0, n.length() - 4);
                int cut = id.lastIndexOf('_');
                if (cut > 0) {
                    byCategory.computeIfAbsent(id.substring(cut + 1), k -> new ArrayList<>()).add(id);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("listing imported clips in " + dir + ": " + e.getMessage(), e);
        }
        if (byCategory.isEmpty()) {
            throw new InputException("no imported IS3 clips (<instance>.wav) in " + dir);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> categories() {
        return List.copyOf(byCategory.keySet());
    }

    @Override
    public AudioClip draw(String category, SplittableRandom random) {
        List<String> ids = byCategory.get(category);
        if (ids == null) {
            throw new InputException("the imported IS3 has no clip of category '" + category + "'");
        }
        return clip(ids.get(random.nextInt(ids.size())), category);
    }

    @Override
    public Optional<AudioClip> own(String instance) {
        int cut = instance.lastIndexOf('_');
        return Files.isRegularFile(dir.resolve(instance + ".wav"))
                ? Optional.of(clip(instance, instance.substring(cut + 1))) : Optional.empty();
    }

    private AudioClip clip(String id, String category) {
        Waveform w = Wav.read(dir.resolve(id + ".wav"));
        if (w.sampleRate() != SAMPLE_RATE) {
            throw new InputException(dir.resolve(id + ".wav") + ": " + w.sampleRate() + " Hz; IS3 clips are "
                    + SAMPLE_RATE + " Hz");
        }
        return new AudioClip(w, category, NAME, Map.of("is3_clip", id));
    }
}
