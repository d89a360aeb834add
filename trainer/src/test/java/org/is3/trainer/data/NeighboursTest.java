package org.is3.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.is3.core.InputException;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeighboursTest {

    private static final float[][] E = {{1, 0}, {9, 1}, {0, 1}, {-1, 0}, {5, 5}};

    @Test
    void theKNearestByCosineExcludeTheQueryItself() {
        Neighbours n = new Neighbours(E, 2);
        // cosines to (1, 0): (9,1) 0.994, (5,5) 0.707, (0,1) 0, (-1,0) -1
        assertArrayEquals(new int[] {1, 4}, n.nearest(0));
        // cosines to (0, 1): (5,5) 0.707, (9,1) 0.110, (1,0) and (-1,0) 0
        assertArrayEquals(new int[] {4, 1}, n.nearest(2));
        assertEquals(4, new Neighbours(E, 1000).k(), "k is capped at N − 1");
    }

    @Test
    void aPickIsAUniformlyRandomOneOfTheK() {
        Neighbours n = new Neighbours(E, 2);
        Set<Integer> seen = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            seen.add(n.pick(0, rng));
        }
        assertEquals(Set.of(1, 4), seen);
    }

    @Test
    void embeddingFilesMustHoldOneRowPerExample(@TempDir Path dir) {
        Path f = dir.resolve("clip.npy");
        Npy.write(f, NpyArray.of(new float[] {1, 0, 9, 1, 0, 1, -1, 0, 5, 5}, 5, 2));
        assertArrayEquals(new int[] {1}, Neighbours.fromNpy(f, 5, 1).nearest(0));
        InputException e = assertThrows(InputException.class, () -> Neighbours.fromNpy(f, 6, 1));
        assertTrue(e.getMessage().contains("N = 6"), e.getMessage());
    }
}
