package org.is3.models.sd;

import java.util.Random;

/**
 * The initial latents: standard normal values from {@link Random#nextGaussian()} seeded with the
 * image's seed, drawn in Java and uploaded. {@link Random}'s algorithm is fixed by its specification,
 * so a seed gives the same latents on every JVM and device (unlike a device RNG, whose CUDA and CPU
 * streams differ); what remains device-dependent is the float arithmetic of the networks. Values are
 * laid out channel-major ({@code [C, h, w]}), and scaled by the scheduler's initial sigma.
 */
public final class LatentNoise {

    private LatentNoise() {
    }

    /** {@code count} latents, image {@code k} from seed {@code seed + k}, concatenated. */
    public static float[] draw(long seed, int count, int perImage, double sigma) {
        float[] out = new float[count * perImage];
        for (int k = 0; k < count; k++) {
            Random r = new Random(seed + k);
            for (int i = 0; i < perImage; i++) {
                out[k * perImage + i] = (float) (r.nextGaussian() * sigma);
            }
        }
        return out;
    }
}
