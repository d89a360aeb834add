package org.is3.pipeline.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.is3.core.InputException;
import org.is3.pipeline.plan.CategorySource;
import org.is3.pipeline.plan.PlannedImage;
import org.is3.pipeline.plan.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code sd} generator on the models module's tiny random-weight fixture, on the CPU. */
class SdGeneratorTest {

    static final Path MODEL = Path.of("../models/src/test/resources/fixtures/sd-tiny");

    static RunConfig run(int size) {
        return RunConfig.of("sdtest", 3, CategorySource.shapes(4)).withGenerator("sd").withImageSize(size);
    }

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void drawsThePlannedPromptAndSeedWithoutMasks() {
        Generator g = GeneratorRegistry.load().with(new SdGeneratorFactory(MODEL)).create(run(32));
        assertEquals("sd", g.name());
        assertTrue(g.version().startsWith("1+"), g.version());
        PlannedImage planned = new PlannedImage("cat_dog_1", "cat", "dog", "a photo of a cat and dog", 77);
        GeneratedImage image = g.generate(planned);
        assertEquals(32, image.image().getWidth());
        assertEquals(32, image.image().getHeight());
        assertTrue(image.masks().isEmpty());
        assertEquals("a photo of a cat and dog", image.params().get("prompt"));
        assertEquals(77L, image.params().get("seed"));
        assertEquals("cat_dog_1", image.params().get("base"));
        assertEquals("pndm", image.params().get("scheduler"));
        // a redelivered message redraws the same image
        assertArrayEquals(pixels(image.image()), pixels(g.generate(planned).image()));
    }

    @Test
    void theServiceLoaderListsSdAndAMissingModelDirectoryIsNamed(@TempDir Path dir) {
        GeneratorRegistry registry = GeneratorRegistry.load().with(new SdGeneratorFactory(dir.resolve("none")));
        InputException e = assertThrows(InputException.class, () -> registry.create(run(64)));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("none")));
        assertTrue(new SdGeneratorFactory().modelDir().endsWith(Path.of("models", "sd")));
        assertTrue(java.util.ServiceLoader.load(GeneratorFactory.class).stream()
                .anyMatch(p -> p.type() == SdGeneratorFactory.class), "listed in META-INF/services");
    }

    @Test
    void theRunConfigsModelDirOptionChoosesTheModel(@TempDir Path dir) {
        GeneratorRegistry registry = GeneratorRegistry.load().with(new SdGeneratorFactory(dir.resolve("none")));
        RunConfig withOption = run(32).withGeneratorOptions(
                java.util.Map.of(SdGeneratorFactory.MODEL_DIR_OPTION, MODEL.toString()));
        assertEquals("sd", registry.create(withOption).name());
    }

    @Test
    void anImageSizeTheVaeCannotDrawIsRefused() {
        GeneratorRegistry registry = GeneratorRegistry.load().with(new SdGeneratorFactory(MODEL));
        InputException e = assertThrows(InputException.class, () -> registry.create(run(60)));
        assertTrue(e.getMessage().contains("multiple of 8"), e.getMessage());
    }
}
