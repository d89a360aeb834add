package org.is3.annotator.segment;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * What a segmenter gets for one proposal: the image (and a key naming it, so a segmenter may cache
 * per-image work such as SAM's embedding), the clicks so far in order, an optional box, and the
 * previous proposal for this object (row-major, image size) when the clicks only grew. Coordinates
 * were checked at the edge: every click and the box lie inside the image.
 */
public record SegmentRequest(String imageKey, BufferedImage image, List<Click> clicks, Optional<PromptBox> box,
                             Optional<boolean[]> previousMask) {

    public SegmentRequest {
        clicks = List.copyOf(clicks);
        if (previousMask.isPresent() && previousMask.get().length != image.getWidth() * image.getHeight()) {
            throw new IllegalArgumentException("previous mask has " + previousMask.get().length + " pixels, image "
                    + image.getWidth() + "×" + image.getHeight());
        }
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
