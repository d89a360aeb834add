package org.is3.models.sd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The float16 path (inputs cast to half, outputs back to float32) on the fixture converted to half
 * weights. Meant for GPUs; libtorch 2.7's CPU half kernels run this tiny network, so CI covers the code.
 */
class Float16Test {

    static final Path FP16 = Path.of("src/test/resources/fixtures/sd-tiny-fp16");

    @Test
    void halfPrecisionModelGeneratesCloseToTheFloat32One() {
        SdRequest request = SdRequest.of("a photo of a cat and dog", 3);
        BufferedImage half;
        BufferedImage full;
        try (StableDiffusion sd = StableDiffusion.load(FP16, Device.cpu())) {
            SdImage image = sd.generate(request).get(0);
            assertEquals("float16", image.params().get("dtype"));
            half = image.image();
        }
        try (StableDiffusion sd = StableDiffusion.load(StableDiffusionTest.MODEL, Device.cpu())) {
            full = sd.generate(request).get(0).image();
        }
        assertEquals(full.getWidth(), half.getWidth());
        int[] a = StableDiffusionTest.pixels(full);
        int[] b = StableDiffusionTest.pixels(half);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) {
                sum += Math.abs(((a[i] >> shift) & 255) - ((b[i] >> shift) & 255));
            }
        }
        double mean = sum / (3.0 * a.length);
        System.out.printf("float16 vs float32: mean level difference %.3f%n", mean);
        assertTrue(mean < 4, "mean level difference " + mean);
    }
}
