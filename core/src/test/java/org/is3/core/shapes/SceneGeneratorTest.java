package org.is3.core.shapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SceneGeneratorTest {

    private static final List<ShapeCategory> CATS = ShapesWorld.categories(12, 7L);
    private static final int SIZE = 256;

    private static Scene scene(int i, long seed) {
        return SceneGenerator.render(CATS.get(i % 12), CATS.get((i + 5) % 12), seed, SIZE, SIZE);
    }

    @Test
    void sameSeedGivesIdenticalPixelsAndMasks() {
        Scene s1 = scene(0, 42L);
        Scene s2 = scene(0, 42L);
        assertArrayEquals(s1.rgb(), s2.rgb());
        assertArrayEquals(s1.a().mask(), s2.a().mask());
        assertArrayEquals(s1.b().mask(), s2.b().mask());
        assertEquals(s1.spec(), s2.spec());
    }

    @Test
    void specAloneReproducesTheScene() {
        Scene s = scene(3, 99L);
        Scene again = SceneGenerator.paint(s.spec());
        assertArrayEquals(s.rgb(), again.rgb());
        assertArrayEquals(s.a().mask(), again.a().mask());
        assertArrayEquals(s.b().mask(), again.b().mask());
    }

    @Test
    void differentSeedsDiffer() {
        Scene s1 = scene(0, 1L);
        Scene s2 = scene(0, 2L);
        assertFalse(Arrays.equals(s1.rgb(), s2.rgb()));
        assertFalse(Arrays.equals(s1.a().mask(), s2.a().mask()));
        assertFalse(Arrays.equals(s1.b().mask(), s2.b().mask()));
    }

    @Test
    void everyMaskPixelHasAPaletteColourOfItsGlyph() {
        for (int seed = 0; seed < 20; seed++) {
            Scene s = scene(seed, seed);
            assertPalette(s, s.a(), s.spec().placementA());
            assertPalette(s, s.b(), s.spec().placementB());
        }
    }

    private static void assertPalette(Scene s, SceneObject o, Placement p) {
        Set<Integer> palette = new HashSet<>(List.of(p.colour(), p.contrastColour()));
        int contrastSeen = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (o.covers(x, y)) {
                    int c = s.rgbAt(x, y);
                    if (!palette.contains(c)) {
                        throw new AssertionError(o.category().name() + " pixel " + x + "," + y
                                + " has colour " + Integer.toHexString(c) + " outside " + palette);
                    }
                    contrastSeen += c == p.contrastColour() && c != p.colour() ? 1 : 0;
                }
            }
        }
        if (o.category().glyph().texture() != Texture.SOLID) {
            assertTrue(contrastSeen > 0, o.category().name() + " shows no texture");
        }
    }

    @Test
    void everyPixelOutsideTheMasksIsBackground() {
        for (int seed = 0; seed < 10; seed++) {
            Scene s = scene(seed, 700 + seed);
            int[] bg = BackgroundPainter.paint(s.spec().background(), SIZE, SIZE);
            int[] rgb = s.rgb();
            boolean[] a = s.a().mask();
            boolean[] b = s.b().mask();
            for (int i = 0; i < rgb.length; i++) {
                if (!a[i] && !b[i]) {
                    assertEquals(bg[i], rgb[i], "pixel " + i + " of seed " + seed);
                }
            }
        }
    }

    @Test
    void masksAreDisjointAndBoxesTight() {
        for (int seed = 0; seed < 20; seed++) {
            Scene s = scene(seed, 1000 + seed);
            boolean[] a = s.a().mask();
            boolean[] b = s.b().mask();
            for (int i = 0; i < a.length; i++) {
                assertFalse(a[i] && b[i], "pixel " + i + " in both masks, seed " + seed);
            }
            assertTight(s.a());
            assertTight(s.b());
        }
    }

    private static void assertTight(SceneObject o) {
        MaskBox box = o.box();
        int inside = 0;
        boolean left = false;
        boolean right = false;
        boolean top = false;
        boolean bottom = false;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (!o.covers(x, y)) {
                    continue;
                }
                assertTrue(x >= box.xmin() && x < box.xmax() && y >= box.ymin() && y < box.ymax(),
                        "mask pixel " + x + "," + y + " outside " + box);
                inside++;
                left |= x == box.xmin();
                right |= x == box.xmax() - 1;
                top |= y == box.ymin();
                bottom |= y == box.ymax() - 1;
            }
        }
        assertTrue(left && right && top && bottom, "box " + box + " is not tight");
        assertEquals(o.visibleArea(), inside);
    }

    @Test
    void bothObjectsAreClearlyVisible() {
        for (int seed = 0; seed < 40; seed++) {
            Scene s = scene(seed, 500 + seed);
            for (SceneObject o : List.of(s.a(), s.b())) {
                assertTrue(o.visibleArea() >= SceneGenerator.MIN_VISIBLE_FRACTION * SIZE * SIZE,
                        o.category().name() + " shows only " + o.visibleArea() + " pixels");
                assertTrue(2 * o.visibleArea() >= o.fullArea());
            }
        }
    }

    @Test
    void theGlyphDrawnLastOccludesTheOther() {
        int occluded = 0;
        for (int seed = 0; seed < 60; seed++) {
            Scene s = scene(seed, 2000 + seed);
            SceneObject top = s.spec().bOnTop() ? s.b() : s.a();
            SceneObject under = s.spec().bOnTop() ? s.a() : s.b();
            assertEquals(top.fullArea(), top.visibleArea(), "the top glyph is never occluded");
            if (under.visibleArea() < under.fullArea()) {
                occluded++;
                // The hidden part lies inside the top glyph: repainting the under glyph alone
                // covers pixels that now show the top glyph's palette.
                boolean[] full = GlyphPainter.coverage(under.category().glyph().shape(),
                        s.spec().bOnTop() ? s.spec().placementA() : s.spec().placementB(), SIZE, SIZE);
                boolean[] topMask = top.mask();
                boolean[] underMask = under.mask();
                for (int i = 0; i < full.length; i++) {
                    assertEquals(full[i] && !topMask[i], underMask[i], "pixel " + i);
                }
            }
        }
        assertTrue(occluded > 0, "no scene in 60 had overlapping glyphs");
    }

    @Test
    void imageMatchesPixels() {
        Scene s = scene(1, 5L);
        BufferedImage img = s.image();
        assertEquals(BufferedImage.TYPE_INT_RGB, img.getType());
        for (int y = 0; y < SIZE; y += 7) {
            for (int x = 0; x < SIZE; x += 5) {
                assertEquals(s.rgbAt(x, y), img.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void glyphsStayInsideTheImageAndVaryInSize() {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int seed = 0; seed < 40; seed++) {
            Scene s = scene(seed, 3000 + seed);
            for (Placement p : List.of(s.spec().placementA(), s.spec().placementB())) {
                assertTrue(p.size() >= 0.15 * SIZE && p.size() <= 0.45 * SIZE);
                min = Math.min(min, p.size());
                max = Math.max(max, p.size());
            }
            assertTrue(s.a().box().xmin() > 0 && s.a().box().xmax() < SIZE, "glyph touches the border");
        }
        assertTrue(max - min > 0.15 * SIZE, "sizes hardly vary: " + min + ".." + max);
    }
}
