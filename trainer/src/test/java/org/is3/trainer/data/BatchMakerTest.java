package org.is3.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.is3.core.audio.SpectrogramPreset;
import org.is3.core.shapes.ShapesWorld;
import org.is3.trainer.model.ModelSpec;
import org.junit.jupiter.api.Test;

class BatchMakerTest {

    private final ModelSpec spec = new ModelSpec(0.0625, 8, 32, SpectrogramPreset.SSL_ALIGN, 16);
    private final ShapesSource source = new ShapesSource(ShapesWorld.of(4, 7), 4, 1, 32, true);

    @Test
    void aBatchDependsOnlyOnItsStep() {
        BatchMaker m = new BatchMaker(source, spec, AugmentSpec.simclr(), new NegativeSpec(0.5, 1, 1), 4, 9);
        Batch a = m.make(3);
        Batch b = new BatchMaker(source, spec, AugmentSpec.simclr(), new NegativeSpec(0.5, 1, 1), 4, 9).make(3);
        assertEquals(a.ids(), b.ids());
        assertArrayEquals(a.imagesAug(), b.imagesAug());
        assertArrayEquals(a.audioAug(), b.audioAug());
        assertArrayEquals(a.negatives(), b.negatives());
        assertFalse(Arrays.equals(a.imagesAug(), m.make(4).imagesAug()));
        assertEquals(2, a.negativeCount());
        assertEquals(2 * 257 * 16, a.negatives().length);
        assertEquals(4 * 3 * 32 * 32, a.images().length);
        assertNull(a.imagesConc());
    }

    @Test
    void anEpochVisitsEveryExampleOnce() {
        BatchMaker m = new BatchMaker(source, spec, AugmentSpec.simclr(), NegativeSpec.off(), 4, 1);
        Set<String> ids = new HashSet<>();
        ids.addAll(m.make(0).ids());
        ids.addAll(m.make(1).ids());
        assertEquals(8, ids.size());
        assertEquals(0, m.epochOf(1));
        assertEquals(1, m.epochOf(2));
        assertNotEquals(m.make(0).ids(), m.make(2).ids(), "each epoch has its own order");
    }

    @Test
    void neighbourPositivesAddTheConcViews() {
        BatchMaker m = new BatchMaker(source, spec, AugmentSpec.simclr(), NegativeSpec.off(), 4, 1);
        float[][] e = new float[8][];
        for (int i = 0; i < 8; i++) {
            e[i] = new float[] {i % 2, 1 - i % 2};
        }
        m.neighbours(new Neighbours(e, 1), new Neighbours(e, 1));
        Batch b = m.make(0);
        assertTrue(b.hasConc());
        assertEquals(b.images().length, b.imagesConc().length);
        assertEquals(b.audio().length, b.audioConc().length);
    }
}
