package org.is3.models.sd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import org.is3.core.InputException;
import org.is3.models.runtime.Precision;
import org.is3.models.sd.scheduler.PredictionType;
import org.is3.models.sd.scheduler.SchedulerConfig;
import org.is3.models.sd.scheduler.SchedulerKind;
import org.is3.models.sd.scheduler.TimestepSpacing;

/**
 * A Stable Diffusion model directory's {@code model.json} (docs/models.md lists every key; every key is
 * optional, the defaults are SD 1.5's).
 *
 * @param name           what images record as the model (default: the directory name)
 * @param scalingFactor  the VAE latent scale (0.18215 for SD 1.x): latents are divided by it before decoding
 * @param vaeScaleFactor image pixels per latent pixel (8)
 * @param dtype          the type the TorchScript files were exported in
 * @param maxLength      the text encoder's sequence length (77)
 */
public record SdModelConfig(String name, int latentChannels, int vaeScaleFactor, double scalingFactor,
                            int width, int height, int steps, double guidance, Precision dtype, int maxLength,
                            SchedulerConfig scheduler) {

    public static final String FILE = "model.json";
    private static final Set<String> KEYS = Set.of("name", "latent_channels", "vae_scale_factor",
            "scaling_factor", "prediction_type", "scheduler", "timestep_spacing", "steps", "guidance", "width",
            "height", "dtype", "max_length", "num_train_timesteps", "beta_start", "beta_end", "beta_schedule",
            "steps_offset", "set_alpha_to_one");
    private static final ObjectMapper JSON = new ObjectMapper();

    public SdModelConfig {
        if (latentChannels < 1 || vaeScaleFactor < 1 || !(scalingFactor > 0)) {
            throw new InputException("model " + name + ": latent_channels, vae_scale_factor and scaling_factor"
                    + " must be positive");
        }
        checkSize(name, width, height, vaeScaleFactor);
        if (steps < 1 || maxLength < 2) {
            throw new InputException("model " + name + ": steps must be ≥ 1 and max_length ≥ 2");
        }
    }

    static void checkSize(String model, int width, int height, int factor) {
        if (width < factor || height < factor || width % factor != 0 || height % factor != 0) {
            throw new InputException("model " + model + ": image size " + width + "×" + height
                    + " must be a positive multiple of the VAE factor " + factor);
        }
    }

    /** Reads {@code dir/model.json}; unknown keys are refused so a misspelt key never falls back silently. */
    public static SdModelConfig read(Path dir) {
        Path file = dir.resolve(FILE);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new InputException("model config " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode obj)) {
            throw new InputException("model config " + file + " must be a JSON object");
        }
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new InputException("model config " + file + ": unknown key '" + k + "'; known: "
                        + KEYS.stream().sorted().toList());
            }
        }
        try {
            return fromJson(obj, dir);
        } catch (InputException e) {
            throw new InputException("model config " + file + ": " + e.getMessage(), e);
        }
    }

    private static SdModelConfig fromJson(ObjectNode o, Path dir) {
        String schedule = o.path("beta_schedule").asText("scaled_linear");
        if (!schedule.equals("scaled_linear") && !schedule.equals("linear")) {
            throw new InputException("beta_schedule must be scaled_linear or linear, got '" + schedule + "'");
        }
        SchedulerConfig sc = new SchedulerConfig(
                SchedulerKind.parse(o.path("scheduler").asText("pndm")),
                o.path("num_train_timesteps").asInt(1000),
                o.path("beta_start").asDouble(0.00085),
                o.path("beta_end").asDouble(0.012),
                schedule.equals("scaled_linear"),
                o.path("steps_offset").asInt(1),
                o.has("timestep_spacing") ? TimestepSpacing.parse(o.get("timestep_spacing").asText()) : null,
                PredictionType.parse(o.path("prediction_type").asText("epsilon")),
                o.path("set_alpha_to_one").asBoolean(false));
        Path fileName = dir.toAbsolutePath().normalize().getFileName();
        return new SdModelConfig(
                o.path("name").asText(fileName == null ? "sd" : fileName.toString()),
                o.path("latent_channels").asInt(4),
                o.path("vae_scale_factor").asInt(8),
                o.path("scaling_factor").asDouble(0.18215),
                o.path("width").asInt(512),
                o.path("height").asInt(512),
                o.path("steps").asInt(50),
                o.path("guidance").asDouble(7.5),
                Precision.parse(o.path("dtype").asText("float32")),
                o.path("max_length").asInt(77),
                sc);
    }
}
