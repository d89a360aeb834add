package org.is3.pipeline.audio;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where positive and off-screen clips come from: the shapes world's sound signatures or a VGGSound
 * mirror. A source is a pure function of the random stream it is given, so a redelivered pairing
 * message draws the same clips.
 */
public interface AudioSource {

    /** Sample rate of every clip: 16 kHz, as the reference loaders read (datasets.md). */
    int SAMPLE_RATE = 16_000;

    /** The source's name as the manifest records it. */
    String name();

    /** Category tokens this source has clips of, in a fixed order: the off-screen pool. */
    List<String> categories();

    /**
     * A clip of {@code category}, chosen with {@code random}.
     *
     * @throws org.is3.core.InputException when the source has no clip of that category
     */
    AudioClip draw(String category, SplittableRandom random);

    /**
     * The clip an instance already has and keeps as its positive (an imported IS3 instance), or
     * empty when the positive is drawn from its category.
     */
    default java.util.Optional<AudioClip> own(String instance) {
        return java.util.Optional.empty();
    }
}
