package org.is3.models.sam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.is3.core.InputException;
import org.is3.core.rle.CocoRle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAM on the tiny random-weight fixture (64×64 encoder input, 16×4×4 embedding, 16×16 low-res masks). */
class SamPredictorTest {

    static final Path MODEL = Path.of("src/test/resources/fixtures/sam-tiny");

    @TempDir
    Path cache;

    static BufferedImage picture(int w, int h, Color object) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, w, h);
        g.setColor(object);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return img;
    }

    @Test
    void aCachedEmbeddingSkipsTheEncoderAcrossInstances() {
        BufferedImage img = picture(80, 48, Color.ORANGE);
        String key;
        try (SamPredictor sam = SamPredictor.load(MODEL, cache, Device.cpu())) {
            key = sam.embed(img);
            assertEquals(ImageKey.of(img), key);
            assertEquals(1, sam.encoderRuns());
            assertTrue(Files.isRegularFile(cache.resolve(sam.modelId()).resolve(key + ".ndlist")));
            assertEquals(key, sam.embed(picture(80, 48, Color.ORANGE)), "same pixels, same key");
            assertEquals(1, sam.encoderRuns(), "memory/disk hit");
            sam.embed(picture(80, 48, Color.GREEN));
            assertEquals(2, sam.encoderRuns());
        }
        try (SamPredictor again = SamPredictor.load(MODEL, cache, Device.cpu())) {
            assertTrue(again.isEmbedded(key));
            SamResult r = again.predict(key, List.of(new Click(40, 24, true)), Optional.empty(), Optional.empty());
            assertEquals(80 * 48, r.mask().length);
            assertEquals(key, again.embed(img));
            assertEquals(0, again.encoderRuns(), "a fresh instance reads the disk cache");
        }
    }

    @Test
    void decoderOutputsHaveTheImageAndLowResShapes() {
        try (SamPredictor sam = SamPredictor.load(MODEL, cache, Device.cpu())) {
            BufferedImage img = picture(80, 48, Color.ORANGE);
            SamResult one = sam.predict(img, List.of(new Click(40, 24, true)), Optional.empty(), Optional.empty());
            assertEquals(80, one.width());
            assertEquals(48, one.height());
            assertEquals(80 * 48, one.mask().length);
            assertEquals(16, one.lowResSize(), "4 × the 4×4 embedding, as SAM's 256 for 64");
            assertEquals(256, one.lowResLogits().length);
            assertTrue(Float.isFinite(one.score()));
            // refining with a second click and the previous logits is a different decoder call
            SamResult two = sam.predict(img, List.of(new Click(40, 24, true), new Click(5, 5, false)),
                    Optional.empty(), Optional.of(one.lowResLogits()));
            assertFalse(java.util.Arrays.equals(one.lowResLogits(), two.lowResLogits()));
            SamResult boxed = sam.predict(img, List.of(), Optional.of(new Box(20, 12, 60, 36)), Optional.empty());
            assertEquals(80 * 48, boxed.mask().length);
            assertEquals(1, sam.encoderRuns(), "three prompts, one encoder run");
        }
    }

    @Test
    void predictionIsDeterministic() {
        try (SamPredictor sam = SamPredictor.load(MODEL, cache, Device.cpu())) {
            BufferedImage img = picture(64, 64, Color.RED);
            List<Click> clicks = List.of(new Click(32, 32, true));
            SamResult a = sam.predict(img, clicks, Optional.empty(), Optional.empty());
            SamResult b = sam.predict(img, clicks, Optional.empty(), Optional.empty());
            assertArrayEquals(a.mask(), b.mask());
            assertArrayEquals(a.lowResLogits(), b.lowResLogits());
        }
    }

    @Test
    void maskBecomesAValidCocoRle() {
        try (SamPredictor sam = SamPredictor.load(MODEL, cache, Device.cpu())) {
            SamResult r = sam.predict(picture(80, 48, Color.ORANGE), List.of(new Click(40, 24, true)),
                    Optional.empty(), Optional.empty());
            assertTrue(r.area() > 0 && r.area() < 80 * 48, "the random decoder gives a partial mask here");
            CocoRle rle = CocoRle.encode(r.mask(), r.height(), r.width());
            assertEquals(48, rle.height());
            assertEquals(80, rle.width());
            assertEquals(r.area(), rle.area());
            assertArrayEquals(r.mask(), CocoRle.parse(48, 80, rle.counts()).decode(), "round trip");
        }
    }

    @Test
    void precomputeReadsALocalFileToTheSameKey(@TempDir Path dir) throws IOException {
        BufferedImage img = picture(40, 60, Color.YELLOW);
        Path png = dir.resolve("a.png");
        ImageIO.write(img, "png", png.toFile());
        try (SamPredictor sam = SamPredictor.load(MODEL, cache, Device.cpu())) {
            assertEquals(ImageKey.of(img), sam.precompute(png));
            assertThrows(InputException.class, () -> sam.precompute(dir.resolve("missing.png")));
            Path text = Files.writeString(dir.resolve("b.png"), "not an image");
            assertThrows(InputException.class, () -> sam.precompute(text));
        }
    }

    @Test
    void badPromptsAndKeysAreRefusedWithClearErrors() {
        try (SamPredictor sam = SamPredictor.load(MODEL, cache, Device.cpu())) {
            String key = sam.embed(picture(64, 64, Color.RED));
            List<Click> click = List.of(new Click(1, 1, true));
            InputException e = assertThrows(InputException.class,
                    () -> sam.predict("../../etc/passwd", click, Optional.empty(), Optional.empty()));
            assertTrue(e.getMessage().contains("64 lower-case hex digits"), e.getMessage());
            e = assertThrows(InputException.class,
                    () -> sam.predict("0".repeat(64), click, Optional.empty(), Optional.empty()));
            assertTrue(e.getMessage().contains("no embedding"), e.getMessage());
            assertThrows(InputException.class, () -> sam.predict(key, List.of(), Optional.empty(), Optional.empty()));
            e = assertThrows(InputException.class,
                    () -> sam.predict(key, click, Optional.empty(), Optional.of(new float[10])));
            assertTrue(e.getMessage().contains("16×16"), e.getMessage());
        }
    }

    @Test
    void maskSelectionFollowsSamsRule() {
        float[] scores = {0.9f, 0.2f, 0.7f, 0.5f};
        assertEquals(2, SamPredictor.choose(scores, 2), "one click + padding: best multimask output");
        assertEquals(0, SamPredictor.choose(scores, 3), "more points: the single-mask output");
        assertEquals(0, SamPredictor.choose(new float[] {0.1f}, 2));
    }

    @Test
    void promptsAreScaledIntoTheEncoderFrameAndPadded() {
        SamModelConfig c = SamModelConfig.read(MODEL);
        InputFrame f = InputFrame.of(80, 48, c);
        assertEquals(64, f.resizedWidth());
        assertEquals(38, f.resizedHeight(), "48 · 0.8 = 38.4 → 38");
        SamPredictor.Prompt p = SamPredictor.Prompt.of(List.of(new Click(80, 48, true), new Click(0, 10, false)),
                Optional.empty(), f);
        assertArrayEquals(new float[] {64f, 38f, 0f, 10f * 38 / 48, 0f, 0f}, p.coords(), 1e-5f);
        assertArrayEquals(new float[] {1f, 0f, -1f}, p.labels());
        p = SamPredictor.Prompt.of(List.of(), Optional.of(new Box(10, 6, 20, 12)), f);
        assertArrayEquals(new float[] {2f, 3f}, p.labels());
        assertArrayEquals(new float[] {8f, 4.75f, 16f, 9.5f}, p.coords(), 1e-5f);
    }

    @Test
    void bilinearMatchesTorchAlignCornersFalse() {
        // F.interpolate(tensor([[[[0., 1.]]]]), size=(1, 4), mode="bilinear", align_corners=False)
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, Bilinear.resize(new float[] {0, 1}, 2, 1, 4, 1), 1e-7f);
        // downsampling 4 → 2 averages neighbours at the half-pixel centres
        assertArrayEquals(new float[] {0.5f, 2.5f}, Bilinear.resize(new float[] {0, 1, 2, 3}, 4, 1, 2, 1), 1e-7f);
    }
}
