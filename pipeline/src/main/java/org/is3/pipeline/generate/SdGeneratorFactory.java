package org.is3.pipeline.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.is3.core.InputException;
import org.is3.models.runtime.DjlRuntime;
import org.is3.models.sd.StableDiffusion;
import org.is3.pipeline.plan.RunConfig;

/**
 * Registers {@code sd} with the {@link GeneratorRegistry}. The model directory is the run config's
 * {@code generator_options.model_dir}; without it, the one given to the constructor (the
 * {@link java.util.ServiceLoader} instance uses {@link #defaultModelDir()},
 * {@code <is3 home>/models/sd} ({@code IS3_HOME}, default {@code ~/.is3})). A model is loaded once per
 * factory and directory (on {@link DjlRuntime#device()}) and shared by every run that uses it.
 */
public final class SdGeneratorFactory implements GeneratorFactory {

    private final Path modelDir;
    private final Map<Path, StableDiffusion> loaded = new ConcurrentHashMap<>();

    /** The {@link java.util.ServiceLoader} constructor: the default model directory. */
    public SdGeneratorFactory() {
        this(defaultModelDir());
    }

    public SdGeneratorFactory(Path modelDir) {
        this.modelDir = modelDir.toAbsolutePath().normalize();
    }

    /** {@code $IS3_HOME/models/sd}, or {@code ~/.is3/models/sd} when IS3_HOME is unset. */
    public static Path defaultModelDir() {
        String home = System.getenv("IS3_HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".is3");
        return base.resolve("models").resolve("sd");
    }

    public Path modelDir() {
        return modelDir;
    }

    @Override
    public String name() {
        return SdGenerator.NAME;
    }

    /** The run config's option that names the model directory. */
    public static final String MODEL_DIR_OPTION = "model_dir";

    @Override
    public Generator create(RunConfig config) {
        String option = config.generatorOptions().get(MODEL_DIR_OPTION);
        Path modelDir = option == null ? this.modelDir : Path.of(option).toAbsolutePath().normalize();
        if (!Files.isDirectory(modelDir)) {
            throw new InputException("run " + config.name() + ": generator 'sd' needs a Stable Diffusion model"
                    + " directory at " + modelDir + " (see docs/models.md for the layout and tools/export_sd.py)");
        }
        StableDiffusion model = loaded.computeIfAbsent(modelDir, StableDiffusion::load);
        int factor = model.config().vaeScaleFactor();
        if (config.imageSize() % factor != 0) {
            throw new InputException("run " + config.name() + ": image_size " + config.imageSize()
                    + " must be a multiple of " + factor + " for generator 'sd'");
        }
        return new SdGenerator(model, config.imageSize());
    }
}
