package org.is3.eval.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.junit.jupiter.api.Test;

class GtCompressionTest {

    @Test
    void everyGeneratedMapInflatesToItself() {
        try (GtCompression compression = new GtCompression()) {
            for (GroundTruth g : StoreFixtures.generated(24)) {
                assertEquals(g.map(), compression.inflate(compression.deflate(g.map()), g.id()), g.id());
            }
        }
    }

    @Test
    void halfUnitMapsSurviveTheRoundTrip() {
        try (GtCompression compression = new GtCompression()) {
            GtMap consensus = GtMap.consensus(List.of(new PixelBox(10, 10, 100, 100), new PixelBox(50, 50, 150, 120)));
            byte[] stored = compression.deflate(consensus);

            GtMap back = compression.inflate(stored, "sample flickr_1");

            assertEquals(consensus, back);
            assertArrayEquals(consensus.toHalves(), back.toHalves());
            assertTrue(stored.length < 1000, "mostly zeros deflate to little: " + stored.length + " bytes");
            assertEquals(GtMap.empty(), compression.inflate(compression.deflate(GtMap.empty()), "sample silent_1"));
        }
    }

    @Test
    void damagedBytesNameTheSample() {
        try (GtCompression compression = new GtCompression()) {
            byte[] stored = compression.deflate(GtMap.union(List.of(new PixelBox(0, 0, 30, 30))));

            IllegalStateException garbage = assertThrows(IllegalStateException.class,
                    () -> compression.inflate(new byte[] {1, 2, 3, 4}, "sample cat_1"));
            IllegalStateException truncated = assertThrows(IllegalStateException.class,
                    () -> compression.inflate(Arrays.copyOf(stored, stored.length / 2), "sample cat_2"));

            assertTrue(garbage.getMessage().startsWith("stored ground truth of sample cat_1 is damaged"),
                    garbage.getMessage());
            assertTrue(truncated.getMessage().startsWith("stored ground truth of sample cat_2 is damaged"),
                    truncated.getMessage());
        }
    }

    @Test
    void aTruncatedOrOverlongBlobIsNamedNotMisread() {
        try (GtCompression compression = new GtCompression()) {
            byte[] blob = compression.deflate(StoreFixtures.generated(1).at(0).map());
            byte[] truncated = Arrays.copyOf(blob, blob.length / 2);
            byte[] overlong = deflate(new byte[Grid.PIXELS + 1]);
            byte[] badValue = new byte[Grid.PIXELS];
            badValue[7] = 3;

            IllegalStateException cut = assertThrows(IllegalStateException.class,
                    () -> compression.inflate(truncated, "sample a of split 1"));
            IllegalStateException longer = assertThrows(IllegalStateException.class,
                    () -> compression.inflate(overlong, "sample b of split 1"));
            IllegalStateException value = assertThrows(IllegalStateException.class,
                    () -> compression.inflate(deflate(badValue), "sample c of split 1"));

            assertTrue(cut.getMessage().contains("sample a of split 1"), cut.getMessage());
            assertTrue(longer.getMessage().contains("more than 50176 bytes"), longer.getMessage());
            assertTrue(value.getMessage().contains("sample c of split 1 is corrupt"), value.getMessage());
            assertEquals(GtMap.empty(), compression.inflate(deflate(new byte[Grid.PIXELS]), "empty"));
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] out = new byte[data.length + 64];
        int n = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, n);
    }
}
