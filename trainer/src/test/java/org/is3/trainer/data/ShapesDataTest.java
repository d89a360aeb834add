package org.is3.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.Is3PlusReader;
import org.is3.core.gt.SampleKind;
import org.is3.core.shapes.ShapesWorld;
import org.is3.core.shapes.WorldScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapesDataTest {

    private final ShapesWorld world = ShapesWorld.of(6, 7);

    @Test
    void examplesAreSceneInstancesWithTheirGlyphsSound() {
        ShapesSource s = new ShapesSource(world, 5, 1, 96, true);
        assertEquals(10, s.size());
        WorldScene scene = s.scene(3);
        AvExample a = s.get(6);
        AvExample b = s.get(7);
        assertEquals(scene.instanceA(), a.id());
        assertEquals(scene.instanceB(), b.id());
        assertEquals(scene.base() + "_" + scene.scene().b().category().name(), b.id());
        assertEquals(96, a.image().getWidth());
        assertEquals(48000, a.audio().length());
        assertArrayEquals(a.audio().samples(), s.get(6).audio().samples(), "the same index gives the same clip");
    }

    @Test
    void closeUpGlyphsAreLargeEnoughForATopHalfMaskToMatchThem() {
        ShapesSource closeUp = new ShapesSource(world, 40, 1, 224, true);
        ShapesSource plain = new ShapesSource(world, 40, 1, 224, false);
        double closeArea = 0;
        double plainArea = 0;
        for (int n = 0; n < 40; n++) {
            closeArea += boxArea(closeUp.scene(n));
            plainArea += boxArea(plain.scene(n));
            WorldScene c = closeUp.scene(n);
            assertTrue(c.scene().a().visibleArea() * 2 >= c.scene().a().fullArea());
            assertEquals(plain.scene(n).base(), c.base(), "same categories and names as the world's scene");
        }
        closeArea /= 80 * 224.0 * 224;
        plainArea /= 80 * 224.0 * 224;
        assertTrue(closeArea > 0.25, "close-up boxes cover " + closeArea);
        assertTrue(plainArea < 0.15, "default boxes cover " + plainArea);
    }

    @Test
    void aWrittenReleaseIsReadByTheIs3PlusGroundTruthReaderAndTheReleaseSource(@TempDir Path dir) {
        ShapesSource held = new ShapesSource(world, 2, 99, 224, true);
        ShapesRelease.write(held, 2, 5, dir);
        GroundTruthSet truth = Is3PlusReader.read(dir);
        assertEquals(4, truth.positives());
        assertEquals(12, truth.negatives());
        ReleaseSource source = ReleaseSource.open(dir);
        assertEquals(truth.ids(), source.entries().stream().map(ReleaseSource.Entry::id).toList());
        GroundTruth first = truth.at(0);
        assertEquals(SampleKind.POSITIVE, first.kind());
        assertEquals(held.get(0).id(), first.id());
        assertEquals(List.of(first.id() + "_silence", first.id() + "_noise", first.id() + "_offscreen"),
                truth.ids().subList(1, 4));
        WorldScene s = held.scene(0);
        int boxArea = s.scene().a().box().width() * s.scene().a().box().height();
        assertEquals(boxArea, first.map().nonZeroCount(), "GT = the glyph's tight box in the 224 frame");
        assertEquals(4, ReleaseSource.open(dir, false).size(), "training reads the positives only");
        AvExample silence = source.get(1);
        assertEquals(0f, silence.audio().samples()[100]);
    }

    private static double boxArea(WorldScene s) {
        return s.scene().a().box().width() * (double) s.scene().a().box().height()
                + s.scene().b().box().width() * (double) s.scene().b().box().height();
    }
}
