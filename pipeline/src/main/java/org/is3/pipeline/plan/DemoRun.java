package org.is3.pipeline.plan;

import org.is3.core.InputException;
import org.is3.core.shapes.ShapesWorld;

/**
 * The demo configuration: a shapes-world run with synthetic audio, just enough categories for the
 * asked number of images (each unordered pair gives one image). {@code is3 up}
 * runs it for the annotators; {@code is3 pipeline demo} runs it auto-annotated to a release.
 */
public final class DemoRun {

    public static final int DEFAULT_IMAGES = 12;
    public static final int DEFAULT_SIZE = 512;

    private DemoRun() {
    }

    public static RunConfig config(int images, long seed, int size, boolean autoAnnotate, double audioSeconds) {
        if (images < 1) {
            throw new InputException("--images must be at least 1, got " + images);
        }
        int categories = 4;
        while (pairs(categories) < images) {
            categories++;
        }
        if (categories > ShapesWorld.MAX_CATEGORIES) {
            throw new InputException("--images " + images + " is more than the shapes world's "
                    + ShapesWorld.MAX_CATEGORIES + " categories can pair");
        }
        String name = "demo-" + images + "-s" + seed + "-" + size + (autoAnnotate ? "-auto" : "");
        return RunConfig.of(name, seed, CategorySource.shapes(categories))
                .withLimit(images)
                .withImageSize(size)
                .withAutoAnnotate(autoAnnotate)
                .withAudio(new AudioConfig(AudioConfig.SHAPES, null, null, AudioConfig.DEFAULT_PATTERN, audioSeconds,
                        AudioConfig.REFERENCE_NOISE_LEVEL));
    }

    private static int pairs(int k) {
        return k * (k - 1) / 2;
    }
}
