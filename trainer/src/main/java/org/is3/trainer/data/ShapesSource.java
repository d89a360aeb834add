package org.is3.trainer.data;

import org.is3.core.audio.SpectrogramPreset;
import org.is3.core.audio.Waveform;
import org.is3.core.shapes.ShapeCategory;
import org.is3.core.shapes.ShapesWorld;
import org.is3.core.shapes.SoundSignature;
import org.is3.core.shapes.WorldScene;

/**
 * The shapes world generated on the fly: example {@code 2n + t} is scene n with the sound of its
 * object t (0 = a, 1 = b), named as IS3 names instances ({@code <c1>_<c2>_<n>_<target>}). Scenes are
 * rendered at the size asked for (the model's input size for training, 224 for evaluation).
 */
public final class ShapesSource implements AvSource {

    /** Seconds of sound per clip; the SSL-Align preset tiles it to 10 s and takes 3 s. */
    public static final double CLIP_SECONDS = 3.0;

    private final ShapesWorld world;
    private final int scenes;
    private final long sceneSeed;
    private final int imageSize;
    private final boolean closeUp;

    public ShapesSource(ShapesWorld world, int scenes, long sceneSeed, int imageSize, boolean closeUp) {
        if (scenes < 1) {
            throw new IllegalArgumentException("a shapes source needs at least one scene, got " + scenes);
        }
        this.world = world;
        this.scenes = scenes;
        this.sceneSeed = sceneSeed;
        this.imageSize = imageSize;
        this.closeUp = closeUp;
    }

    @Override
    public int size() {
        return scenes * 2;
    }

    /** Scene {@code n} as rendered for this source. */
    public WorldScene scene(int n) {
        return closeUp ? CloseUpScenes.scene(world, n, sceneSeed, imageSize)
                : world.withSize(imageSize, imageSize).scene(n, sceneSeed);
    }

    @Override
    public AvExample get(int index) {
        WorldScene s = scene(index / 2);
        boolean first = index % 2 == 0;
        ShapeCategory target = first ? s.scene().a().category() : s.scene().b().category();
        String id = first ? s.instanceA() : s.instanceB();
        return new AvExample(id, s.scene().image(), sound(target, s.seed() * 31 + index % 2));
    }

    /** A clip of {@code category}'s sound, seeded. */
    public static Waveform sound(ShapeCategory category, long seed) {
        int rate = SpectrogramPreset.SAMPLE_RATE;
        return new Waveform(SoundSignature.synthesize(category, seed, CLIP_SECONDS, rate), rate);
    }

    public ShapesWorld world() {
        return world;
    }

    @Override
    public String describe() {
        return "shapes world (" + (closeUp ? "close-up" : "default layout") + "): " + world.categories().size()
                + " categories, " + scenes + " scenes, " + size() + " examples at " + imageSize + " px";
    }
}
