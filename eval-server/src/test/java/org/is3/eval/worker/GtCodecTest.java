package org.is3.eval.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.junit.jupiter.api.Test;

class GtCodecTest {

    @Test
    void halfUnitMapsSurviveTheRoundTrip() {
        GtMap consensus = GtMap.consensus(List.of(new PixelBox(10, 10, 100, 100), new PixelBox(50, 50, 150, 120)));
        byte[] stored = GtCodec.deflate(consensus);

        GtMap back = GtCodec.inflate(stored, "flickr_1");

        assertEquals(consensus, back);
        assertArrayEquals(consensus.toHalves(), back.toHalves());
        assertTrue(stored.length < 1000, "mostly zeros deflate to little: " + stored.length + " bytes");
        assertEquals(GtMap.empty(), GtCodec.inflate(GtCodec.deflate(GtMap.empty()), "silent_1"));
    }

    @Test
    void damagedBytesNameTheSample() {
        byte[] stored = GtCodec.deflate(GtMap.union(List.of(new PixelBox(0, 0, 30, 30))));

        IllegalStateException garbage = assertThrows(IllegalStateException.class,
                () -> GtCodec.inflate(new byte[] {1, 2, 3, 4}, "cat_1"));
        IllegalStateException truncated = assertThrows(IllegalStateException.class,
                () -> GtCodec.inflate(Arrays.copyOf(stored, stored.length / 2), "cat_2"));

        assertTrue(garbage.getMessage().startsWith("stored ground truth of sample cat_1 is damaged"), garbage.getMessage());
        assertTrue(truncated.getMessage().startsWith("stored ground truth of sample cat_2 is damaged"), truncated.getMessage());
    }
}
