package org.is3.models.sd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.is3.core.InputException;
import org.is3.models.sd.scheduler.SchedulerKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole text → latents → image path on the tiny random-weight fixture, on the CPU. */
class StableDiffusionTest {

    static final Path MODEL = Path.of("src/test/resources/fixtures/sd-tiny");
    static final String PROMPT = "a photo of a cat and dog";
    static StableDiffusion sd;

    @BeforeAll
    static void load() {
        sd = StableDiffusion.load(MODEL, Device.cpu());
    }

    @AfterAll
    static void close() {
        sd.close();
    }

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    static BufferedImage one(SdRequest r) {
        return sd.generate(r).get(0).image();
    }

    @Test
    void generatesAPngOfTheConfiguredSizeWithItsParameterRecord(@TempDir Path dir) throws IOException {
        SdImage image = sd.generate(SdRequest.of(PROMPT, 7).withNegative("blurry")).get(0);
        Path png = dir.resolve("out.png");
        assertTrue(ImageIO.write(image.image(), "png", png.toFile()));
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(64, back.getWidth());
        assertEquals(64, back.getHeight());
        assertArrayEquals(pixels(image.image()), pixels(back));
        assertTrue(java.util.Arrays.stream(pixels(back)).distinct().count() > 50, "not a flat image");
        var p = image.params();
        assertEquals("sd-tiny-random", p.get("model"));
        assertEquals(sd.sha256(), p.get("model_sha256"));
        assertEquals(64, sd.sha256().length());
        assertEquals(PROMPT, p.get("prompt"));
        assertEquals("blurry", p.get("negative_prompt"));
        assertEquals(7L, p.get("seed"));
        assertEquals(4, p.get("steps"));
        assertEquals(5, p.get("unet_calls"), "PNDM: steps + 1 UNet calls");
        assertEquals(7.5, p.get("guidance"));
        assertEquals("pndm", p.get("scheduler"));
        assertEquals("leading", p.get("timestep_spacing"));
        assertEquals("epsilon", p.get("prediction_type"));
        assertEquals(64, p.get("width"));
        assertEquals("float32", p.get("dtype"));
        assertEquals("cpu()", p.get("device"));
        assertTrue(((Double) p.get("batch_ms")) > 0);
    }

    @Test
    void sameSeedGivesIdenticalPixelsAndAnotherSeedDoesNot() {
        int[] a = pixels(one(SdRequest.of(PROMPT, 42)));
        int[] b = pixels(one(SdRequest.of(PROMPT, 42)));
        int[] c = pixels(one(SdRequest.of(PROMPT, 43)));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void imageKOfABatchIsTheSingleImageWithSeedPlusK() {
        List<SdImage> batch = sd.generate(SdRequest.of(PROMPT, 100).withCount(3));
        assertEquals(3, batch.size());
        for (int k = 0; k < 3; k++) {
            assertEquals(100L + k, batch.get(k).seed());
            assertEquals(k, batch.get(k).params().get("batch_index"));
            int[] single = pixels(one(SdRequest.of(PROMPT, 100 + k)));
            assertTrue(maxLevelDifference(single, pixels(batch.get(k).image())) <= 1,
                    "batched and single runs agree up to float rounding");
        }
    }

    @Test
    void negativePromptAndGuidanceChangeTheImage() {
        int[] plain = pixels(one(SdRequest.of(PROMPT, 5)));
        int[] negative = pixels(one(SdRequest.of(PROMPT, 5).withNegative("piano")));
        int[] unguided = pixels(one(SdRequest.of(PROMPT, 5).withGuidance(1.0)));
        int[] otherPrompt = pixels(one(SdRequest.of("a photo of a piano", 5)));
        assertFalse(java.util.Arrays.equals(plain, negative));
        assertFalse(java.util.Arrays.equals(plain, unguided));
        assertFalse(java.util.Arrays.equals(plain, otherPrompt));
        // without guidance the negative prompt is unused
        assertArrayEquals(unguided, pixels(one(SdRequest.of(PROMPT, 5).withGuidance(1.0).withNegative("piano"))));
    }

    @Test
    void everySchedulerRunsWithItsOwnCallCount() {
        List<int[]> images = new ArrayList<>();
        for (SchedulerKind kind : SchedulerKind.values()) {
            SdImage img = sd.generate(SdRequest.of(PROMPT, 9).withScheduler(kind).withSteps(3)).get(0);
            assertEquals(kind.key(), img.params().get("scheduler"));
            assertEquals(kind == SchedulerKind.PNDM ? 4 : 3, img.params().get("unet_calls"));
            images.add(pixels(img.image()));
        }
        assertEquals("linspace", sd.generate(SdRequest.of(PROMPT, 9).withScheduler(SchedulerKind.EULER).withSteps(2))
                .get(0).params().get("timestep_spacing"), "diffusers' Euler default when the config names none");
        assertFalse(java.util.Arrays.equals(images.get(0), images.get(1)));
        assertFalse(java.util.Arrays.equals(images.get(1), images.get(2)));
    }

    @Test
    void requestedSizeOverridesTheModelsAndMustFitTheVaeFactor() {
        BufferedImage img = one(SdRequest.of(PROMPT, 1).withSize(48, 32).withSteps(2));
        assertEquals(48, img.getWidth());
        assertEquals(32, img.getHeight());
        InputException e = assertThrows(InputException.class, () -> one(SdRequest.of(PROMPT, 1).withSize(50, 32)));
        assertTrue(e.getMessage().contains("multiple of the VAE factor 8"), e.getMessage());
    }

    @Test
    void aModelDirectoryWithoutAComponentIsRefusedByName(@TempDir Path dir) throws IOException {
        for (String f : List.of("model.json", "tokenizer.json", "text_encoder.pt", "unet.pt")) {
            Files.copy(MODEL.resolve(f), dir.resolve(f));
        }
        InputException e = assertThrows(InputException.class, () -> StableDiffusion.load(dir, Device.cpu()));
        assertTrue(e.getMessage().contains("vae_decoder.pt"), e.getMessage());
    }

    @Test
    void modelJsonWithAnUnknownKeyIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("model.json"), "{\"stepz\": 20}");
        InputException e = assertThrows(InputException.class, () -> SdModelConfig.read(dir));
        assertTrue(e.getMessage().contains("unknown key 'stepz'"), e.getMessage());
        Files.writeString(dir.resolve("model.json"), "{\"scheduler\": \"lms\"}");
        e = assertThrows(InputException.class, () -> SdModelConfig.read(dir));
        assertTrue(e.getMessage().contains("ddim, pndm or euler"), e.getMessage());
    }

    @Test
    void vaeOutputIsMappedToLevelsAsDiffusersDoes() {
        assertEquals(0, VaeImages.level(-1.5f));
        assertEquals(0, VaeImages.level(-1f));
        assertEquals(128, VaeImages.level(0f));   // 127.5 rounds half to even
        assertEquals(255, VaeImages.level(1f));
        assertEquals(255, VaeImages.level(3f));
        assertEquals(0, VaeImages.level(Float.NaN));
    }

    @Test
    void latentNoiseIsSeededPerImage() {
        float[] batch = LatentNoise.draw(10, 2, 5, 2.0);
        float[] second = LatentNoise.draw(11, 1, 5, 2.0);
        assertArrayEquals(java.util.Arrays.copyOfRange(batch, 5, 10), second);
        assertEquals((float) (new java.util.Random(10).nextGaussian() * 2.0), batch[0]);
    }

    static int maxLevelDifference(int[] a, int[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) {
                max = Math.max(max, Math.abs(((a[i] >> shift) & 255) - ((b[i] >> shift) & 255)));
            }
        }
        return max;
    }
}
