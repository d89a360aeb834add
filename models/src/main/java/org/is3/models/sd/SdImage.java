package org.is3.models.sd;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated image and its full parameter record (peers.md: the published IS3 lost this): model
 * name and SHA-256, prompt, negative prompt, seed, steps, guidance, scheduler and spacing, prediction
 * type, size, dtype, device, batch position and timings. Values are strings and numbers only, so the
 * record serialises to JSON as it is.
 */
public record SdImage(BufferedImage image, Map<String, Object> params) {

    public SdImage {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public long seed() {
        return ((Number) params.get("seed")).longValue();
    }
}
