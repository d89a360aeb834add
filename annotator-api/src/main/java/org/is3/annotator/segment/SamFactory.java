package org.is3.annotator.segment;

import java.nio.file.Path;
import org.is3.core.InputException;

/**
 * {@code sam}: option {@code model-dir} (a SAM model directory, docs/models.md); default
 * {@code <home>/models/sam}.
 */
public final class SamFactory implements SegmenterFactory {

    @Override
    public String name() {
        return SamSegmenter.NAME;
    }

    @Override
    public Segmenter create(SegmenterSettings settings) {
        String option = settings.options().get("model-dir");
        Path dir = option != null ? Path.of(option) : settings.home().resolve("models").resolve("sam");
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new InputException("segmenter sam needs a SAM model directory at " + dir
                    + " (--segmenter-option model-dir=DIR; layout in docs/models.md)");
        }
        return new SamSegmenter(dir, settings.home());
    }
}
