package org.is3.pipeline.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.models.sd.SdImage;
import org.is3.models.sd.SdRequest;
import org.is3.models.sd.StableDiffusion;
import org.is3.pipeline.plan.PlannedImage;

/**
 * The {@code sd} generator: Stable Diffusion (models module) drawing the planned prompt with the planned
 * seed at the run's image size, every other choice (steps, guidance, scheduler) the model directory's
 * defaults. SD knows no object masks (they come from annotation), so masks are empty. The params are the
 * model's full record (model SHA-256, prompt, seed, scheduler, timings, …) plus the planned base.
 */
public final class SdGenerator implements Generator {

    public static final String NAME = "sd";

    private final StableDiffusion model;
    private final int size;
    private final String version;

    SdGenerator(StableDiffusion model, int size) {
        this.model = model;
        this.size = size;
        // the pixels depend on the weights, so the version names them
        this.version = "1+" + model.sha256().substring(0, 12);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public GeneratedImage generate(PlannedImage image) {
        SdImage drawn = model.generate(SdRequest.of(image.prompt(), image.seed()).withSize(size, size)).get(0);
        Map<String, Object> params = new LinkedHashMap<>(drawn.params());
        params.put("base", image.base());
        params.put("c1", image.c1());
        params.put("c2", image.c2());
        return new GeneratedImage(drawn.image(), List.of(), params);
    }
}
