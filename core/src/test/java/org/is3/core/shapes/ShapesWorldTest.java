package org.is3.core.shapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShapesWorldTest {

    @Test
    void categoriesAreDeterministicAndDistinct() {
        List<ShapeCategory> cats = ShapesWorld.categories(64, 3L);
        assertEquals(cats, ShapesWorld.categories(64, 3L));
        assertNotEquals(cats, ShapesWorld.categories(64, 4L));
        assertEquals(64, cats.stream().map(ShapeCategory::name).distinct().count());
        assertEquals(64, cats.stream().map(ShapeCategory::glyph).distinct().count());
        assertEquals(64, cats.stream().map(c -> c.sound().pitchHz()).distinct().count());
        for (ShapeCategory c : cats) {
            assertTrue(c.name().matches("[a-z]+-[a-z]+-[a-z]+"), c.name());
            assertEquals(ShapeCategory.nameOf(c.glyph()), c.name());
            assertEquals(1.0, c.sound().harmonics().get(0));
            assertTrue(c.sound().harmonics().stream().skip(1).allMatch(h -> h < 1.0));
            assertTrue(c.sound().rhythm().chars().filter(ch -> ch == 'x').count() >= 4);
        }
    }

    @Test
    void smallWorldsDifferInEveryAttribute() {
        List<ShapeCategory> cats = ShapesWorld.categories(5, 9L);
        for (int i = 0; i < cats.size(); i++) {
            for (int j = i + 1; j < cats.size(); j++) {
                assertEquals(0, cats.get(i).glyph().sharedAttributes(cats.get(j).glyph()),
                        cats.get(i).name() + " vs " + cats.get(j).name());
            }
        }
    }

    @Test
    void namesWithUnderscoreAreRejected() {
        ShapeCategory ok = ShapesWorld.categories(1, 1L).get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ShapeCategory("red_star", ok.glyph(), ok.sound()));
        assertTrue(e.getMessage().contains("red_star"));
        assertThrows(IllegalArgumentException.class, () -> ShapesWorld.categories(65, 1L));
    }

    @Test
    void scenesAreNamedInIs3Style() {
        ShapesWorld world = ShapesWorld.of(4, 2L).withSize(128, 128);
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            WorldScene s = world.scene(i, 8L);
            ShapeCategory c1 = s.scene().a().category();
            ShapeCategory c2 = s.scene().b().category();
            assertEquals(c1.name() + "_" + c2.name() + "_" + i, s.base());
            assertEquals(List.of(s.base() + "_" + c1.name(), s.base() + "_" + c2.name()), s.instances());
            // IS3 rule: split on the last underscore to get the target back.
            for (String inst : s.instances()) {
                String target = inst.substring(inst.lastIndexOf('_') + 1);
                assertTrue(target.equals(c1.name()) || target.equals(c2.name()));
            }
            assertTrue(world.categories().indexOf(c1) < world.categories().indexOf(c2));
            pairs.add(c1.name() + "+" + c2.name());
            assertEquals(128, s.scene().spec().width());
        }
        assertEquals(6, pairs.size(), "the first P scenes use every unordered pair once");
    }

    @Test
    void scenesAreDeterministicPerIndexAndSeed() {
        ShapesWorld world = ShapesWorld.of(8, 2L).withSize(96, 96);
        WorldScene s1 = world.scene(3, 5L);
        WorldScene s2 = world.scene(3, 5L);
        assertEquals(s1.base(), s2.base());
        assertArrayEquals(s1.scene().rgb(), s2.scene().rgb());
        assertNotEquals(s1.seed(), world.scene(4, 5L).seed());
        assertNotEquals(s1.seed(), world.scene(3, 6L).seed());
    }
}
