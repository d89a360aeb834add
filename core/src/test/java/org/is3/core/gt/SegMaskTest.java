package org.is3.core.gt;

import static org.is3.core.gt.Is3BoxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.is3.core.InputException;
import org.is3.core.grid.Grid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mask images against Pillow 12.3 (libjpeg-turbo 6.2 inside its wheel). {@code masks/expected.csv} holds, per
 * fixture: the CRC-32 of {@code np.array(Image.open(f))}, of the RGB image resized per channel, of the 224×224 band
 * that is thresholded ({@code Image.open(f).resize((224, 224))}, or {@code .convert('L').resize(...)} for RGB), and
 * the count of pixels ≥ 128; {@code <fixture>.bits} is {@code np.packbits(band >= 128)}.
 */
class SegMaskTest {
    @TempDir
    Path tmp;

    private static byte[] interleave(byte[][] bands) {
        int n = bands[0].length;
        byte[] out = new byte[n * bands.length];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < bands.length; b++) {
                out[i * bands.length + b] = bands[b][i];
            }
        }
        return out;
    }

    private static PillowResample.Filter filter(SegMask.Mode mode) {
        return mode == SegMask.Mode.P ? PillowResample.Filter.NEAREST : PillowResample.Filter.BICUBIC;
    }

    @Test
    void fixturesDecodeResizeAndThresholdAsPillow() throws IOException {
        Path dir = Fixtures.resource("masks");
        List<String> lines = Files.readAllLines(dir.resolve("expected.csv"));
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            SegMask.Image img = SegMask.decode(dir.resolve(f[0]));
            assertEquals(f[1], img.mode().name(), f[0]);
            assertEquals(Integer.parseInt(f[2]), img.width(), f[0]);
            assertEquals(Integer.parseInt(f[3]), img.height(), f[0]);
            assertEquals(f[4], Fixtures.crc(interleave(img.bands())), f[0] + ": decoded pixels");
            byte[] band;
            if (img.mode() == SegMask.Mode.RGB) {
                byte[][] channels = new byte[3][];
                for (int c = 0; c < 3; c++) {
                    channels[c] = PillowResample.resize(img.bands()[c], img.width(), img.height(), Grid.SIZE,
                            Grid.SIZE, PillowResample.Filter.BICUBIC);
                }
                assertEquals(f[5], Fixtures.crc(interleave(channels)), f[0] + ": RGB resized per channel");
                band = SegMask.luma(img.bands());
            } else {
                band = img.bands()[0];
            }
            byte[] resized = PillowResample.resize(band, img.width(), img.height(), Grid.SIZE, Grid.SIZE,
                    filter(img.mode()));
            assertEquals(f[6], Fixtures.crc(resized), f[0] + ": resized band");

            GtMap map = SegMask.read(dir.resolve(f[0]));
            assertEquals(Integer.parseInt(f[7]), map.nonZeroCount(), f[0]);
            assertArrayEquals(Files.readAllBytes(dir.resolve(f[0] + ".bits")), packBits(map), f[0] + ": GT map");
            checked++;
        }
        assertEquals(9, checked);
    }

    private static byte[] packBits(GtMap m) {
        byte[] halves = m.toHalves();
        byte[] bits = new byte[Grid.PIXELS / 8];
        for (int i = 0; i < Grid.PIXELS; i++) {
            if (halves[i] != 0) {
                bits[i >> 3] |= (byte) (0x80 >> (i & 7));
            }
        }
        return bits;
    }

    @Test
    void jpegPixelsDecodeAsPillowDecodesThem() {
        // ImageIO's libjpeg and Pillow's libjpeg-turbo agree on these (gray 1024², and 4:2:0 colour 640×480)
        Path dir = Fixtures.resource("masks");
        assertEquals("c66765c0", Fixtures.crc(SegMask.decode(dir.resolve("blob_1024_L.jpg")).bands()[0]));
        assertEquals("ed21a343", Fixtures.crc(interleave(SegMask.decode(dir.resolve("blob_640x480_RGB.jpg")).bands())));
    }

    @Test
    void thresholdIs128Inclusive() {
        byte[] v = new byte[Grid.PIXELS];
        v[0] = (byte) 127;
        v[1] = (byte) 128;
        v[2] = (byte) 255;
        GtMap m = SegMask.toGtMap(new SegMask.Image(Grid.SIZE, Grid.SIZE, SegMask.Mode.L, new byte[][] {v}));
        assertEquals(2, m.nonZeroCount());
        assertEquals(0.0, m.value(0));
        assertEquals(1.0, m.value(1));
    }

    @Test
    void rgbBecomesLumaFirst() {
        // 255·19595/65536 = 76.2 → 76 (< 128); 255·38470/65536 = 149.7 → 150 (≥ 128)
        byte[][] red = {full((byte) 255), full((byte) 0), full((byte) 0)};
        byte[][] green = {full((byte) 0), full((byte) 255), full((byte) 0)};
        assertEquals(76, SegMask.luma(red)[0] & 0xFF);
        assertEquals(150, SegMask.luma(green)[0] & 0xFF);
        assertEquals(0, SegMask.toGtMap(new SegMask.Image(Grid.SIZE, Grid.SIZE, SegMask.Mode.RGB, red)).nonZeroCount());
        assertEquals(Grid.PIXELS,
                SegMask.toGtMap(new SegMask.Image(Grid.SIZE, Grid.SIZE, SegMask.Mode.RGB, green)).nonZeroCount());
    }

    private static byte[] full(byte v) {
        byte[] b = new byte[Grid.PIXELS];
        java.util.Arrays.fill(b, v);
        return b;
    }

    @Test
    void unsupportedImagesAreRejectedWithTheReason() throws IOException {
        Path dir = Fixtures.resource("masks");
        assertMessage(assertThrows(InputException.class, () -> SegMask.read(dir.resolve("bits_30x20_1.png"))),
                "bits_30x20_1.png", "1-bit", "8-bit grayscale");
        assertMessage(assertThrows(InputException.class, () -> SegMask.read(dir.resolve("alpha_30x20_LA.png"))),
                "alpha channel", "LA");
        Path text = Files.writeString(tmp.resolve("mask.png"), "not an image at all, but long enough to be read");
        assertMessage(assertThrows(InputException.class, () -> SegMask.read(text)), "mask.png", "neither PNG nor JPEG");
        assertMessage(assertThrows(InputException.class, () -> SegMask.read(tmp.resolve("none.png"))), "not found");
        byte[] png = Files.readAllBytes(dir.resolve("noise_100x50_L.png"));
        Path cut = Files.write(tmp.resolve("cut.png"), java.util.Arrays.copyOf(png, 200));
        assertMessage(assertThrows(InputException.class, () -> SegMask.read(cut)), "cannot decode", "cut.png");
    }
}
