package org.is3.models.sd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StableDiffusionTest {

    static final Path MODEL = Path.of("src/test/resources/fixtures/sd-tiny");

    @Test
    void probe() {
        try (StableDiffusion sd = StableDiffusion.load(MODEL, Device.cpu())) {
            List<SdImage> images = sd.generate(SdRequest.of("a photo of a cat and dog", 7).withCount(2));
            assertEquals(2, images.size());
            System.out.println(images.get(0).params());
            assertEquals(64, images.get(0).image().getWidth());
        }
    }
}
