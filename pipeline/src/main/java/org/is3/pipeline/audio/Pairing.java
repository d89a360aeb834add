package org.is3.pipeline.audio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.is3.core.InputException;
import org.is3.core.audio.Negatives;
import org.is3.core.audio.Waveform;
import org.is3.pipeline.audio.PairedAudio.Kind;

/**
 * Draws the four clips of one instance (datasets.md, IS3+): a positive of its category; silence
 * (digital zeros) and white noise N(0, level²) of the positive's length; and an off-screen clip of a
 * category that is in neither of the image's two objects, drawn uniformly by category, then by clip.
 * Every draw comes from one random stream seeded by the run seed and the instance name, so pairing is
 * reproducible and independent of the order in which instances are paired.
 */
public final class Pairing {

    private final AudioSource source;
    private final long runSeed;
    private final double noiseLevel;

    public Pairing(AudioSource source, long runSeed, double noiseLevel) {
        this.source = source;
        this.runSeed = runSeed;
        this.noiseLevel = noiseLevel;
    }

    public String sourceName() {
        return source.name();
    }

    /**
     * @param instance {@code <base>_<target>}
     * @param target   the sounding category
     * @param other    the image's other category, excluded from the off-screen draw with the target
     */
    public List<PairedAudio> pair(String instance, String target, String other) {
        long seed = seed(runSeed, instance);
        SplittableRandom random = new SplittableRandom(seed);
        AudioClip positive = source.own(instance).orElseGet(() -> source.draw(target, random));
        Waveform wave = positive.wave();
        long noiseSeed = random.nextLong();
        List<String> offscreenPool = source.categories().stream()
                .filter(c -> !c.equals(target) && !c.equals(other))
                .toList();
        if (offscreenPool.isEmpty()) {
            throw new InputException("instance " + instance + ": no off-screen category: the audio source has"
                    + " clips of " + source.categories() + " only, all in the image");
        }
        String offCategory = offscreenPool.get(random.nextInt(offscreenPool.size()));
        AudioClip offscreen = source.draw(offCategory, random);
        return List.of(
                new PairedAudio(instance, instance, Kind.POSITIVE, target, positive.source(),
                        with(positive.provenance(), seed), wave),
                new PairedAudio(instance + "_silence", instance, Kind.SILENCE, null, "silence",
                        Map.of("length", wave.length()), Negatives.silence(wave)),
                new PairedAudio(instance + "_noise", instance, Kind.NOISE, null, "noise",
                        Map.of("seed", noiseSeed, "level", noiseLevel, "length", wave.length()),
                        Negatives.noise(wave, noiseSeed, noiseLevel)),
                new PairedAudio(instance + "_offscreen", instance, Kind.OFFSCREEN, offCategory,
                        offscreen.source(), offscreen.provenance(), offscreen.wave()));
    }

    private static Map<String, Object> with(Map<String, Object> provenance, long pairingSeed) {
        java.util.Map<String, Object> out = new java.util.TreeMap<>(provenance);
        out.put("pairing_seed", pairingSeed);
        return out;
    }

    /** The instance's stream seed: the first 8 bytes of SHA-256(run seed, instance). */
    static long seed(long runSeed, String instance) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Long.toString(runSeed).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] h = sha.digest(instance.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
