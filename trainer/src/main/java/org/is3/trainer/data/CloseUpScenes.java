package org.is3.trainer.data;

import java.util.SplittableRandom;
import org.is3.core.shapes.Placement;
import org.is3.core.shapes.Scene;
import org.is3.core.shapes.SceneGenerator;
import org.is3.core.shapes.SceneSpec;
import org.is3.core.shapes.ShapesWorld;
import org.is3.core.shapes.WorldScene;

/**
 * Shapes-world scenes in close-up: the two glyphs of {@link ShapesWorld#scene} (same categories,
 * background, colours, textures, rotations) redrawn large, one in each half of the frame (left/right
 * or top/bottom), as the two objects of an IS3 image fill it. The default world draws glyphs at
 * 15–45 % of the side, whose boxes (2–20 % of the image) a top-50 % mask can never match at IoU 0.5
 * (metrics.md §2); close-up boxes cover roughly a third of the image each, so cIoU success is
 * reachable. Masks and boxes stay exact, since {@link SceneGenerator#paint} draws them.
 */
public final class CloseUpScenes {

    private static final long SALT = 0x5DEECE66DL;

    private CloseUpScenes() {
    }

    /** Scene {@code index} of {@code world} for {@code seed} at {@code size}×{@code size}, in close-up. */
    public static WorldScene scene(ShapesWorld world, int index, long seed, int size) {
        WorldScene base = world.withSize(size, size).scene(index, seed);
        SceneSpec s = base.scene().spec();
        SplittableRandom rng = new SplittableRandom(base.seed() ^ SALT);
        boolean horizontal = rng.nextBoolean();
        boolean aFirst = rng.nextBoolean();
        double scale = rng.nextDouble(0.58, 0.72);
        Scene best = null;
        for (int attempt = 0; attempt < 6; attempt++, scale -= 0.04) {
            Placement a = place(s.placementA(), size, scale * rng.nextDouble(0.93, 1.07), horizontal, aFirst, rng);
            Placement b = place(s.placementB(), size, scale * rng.nextDouble(0.93, 1.07), horizontal, !aFirst, rng);
            Scene scene = SceneGenerator.paint(new SceneSpec(s.a(), s.b(), s.seed(), size, size, s.attempt(),
                    s.background(), a, b, s.bOnTop()));
            best = scene;
            if (halfVisible(scene)) {
                break;
            }
        }
        return new WorldScene(base.base(), base.index(), base.seed(), best);
    }

    private static boolean halfVisible(Scene scene) {
        return scene.a().visibleArea() * 2 >= scene.a().fullArea() && scene.b().visibleArea() * 2 >= scene.b().fullArea()
                && scene.a().visibleArea() > 0 && scene.b().visibleArea() > 0;
    }

    private static Placement place(Placement p, int size, double scale, boolean horizontal, boolean first,
                                   SplittableRandom rng) {
        double along = size * ((first ? 0.3 : 0.7) + rng.nextDouble(-0.04, 0.04));
        double across = size * (0.5 + rng.nextDouble(-0.1, 0.1));
        double x = horizontal ? along : across;
        double y = horizontal ? across : along;
        return new Placement(x, y, size * scale, p.rotationDegrees(), p.textureDegrees(), p.texturePeriod(),
                p.hueJitter(), p.colour(), p.contrastColour());
    }
}
