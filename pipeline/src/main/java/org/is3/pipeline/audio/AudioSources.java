package org.is3.pipeline.audio;

import org.is3.core.InputException;
import org.is3.core.shapes.ShapesWorld;
import org.is3.pipeline.plan.AudioConfig;
import org.is3.pipeline.plan.RunConfig;

/** The audio source a run's config selects. */
public final class AudioSources {

    private AudioSources() {
    }

    /**
     * @throws InputException when the config's audio cannot serve its categories (shapes sounds for a
     *     class-list run, a missing mirror, a mirror without clips of the run's classes)
     */
    public static AudioSource create(RunConfig config) {
        if (config.audio().isShapes()) {
            if (!config.categories().isShapes()) {
                throw new InputException("run " + config.name() + ": audio.source shapes synthesizes the shapes"
                        + " world's sounds; a class-list run needs audio.source vggsound with a mirror");
            }
            return new ShapesAudio(ShapesWorld.categories(config.categories().shapes(), config.seed()),
                    config.audio().seconds());
        }
        if (AudioConfig.IS3.equals(config.audio().source())) {
            return new ImportedAudio(config.audio().mirror());
        }
        return new VggSoundMirror(config.audio(), config.categories().load(config.seed()));
    }
}
