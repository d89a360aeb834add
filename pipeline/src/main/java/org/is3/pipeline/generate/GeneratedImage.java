package org.is3.pipeline.generate;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * What a generator drew: the picture, the exact mask of each object when the generator knows it
 * (the shapes world does; Stable Diffusion does not, its masks come from annotation), and every
 * choice it made, recorded as the image's {@code params}.
 */
public record GeneratedImage(BufferedImage image, List<ObjectMask> masks, Map<String, Object> params) {

    public GeneratedImage {
        masks = List.copyOf(masks);
        params = Map.copyOf(params);
    }
}
