package org.is3.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.is3.core.InputException;
import org.is3.models.sd.SdImage;
import org.is3.models.sd.SdRequest;
import org.is3.models.sd.StableDiffusion;
import org.is3.models.sd.scheduler.SchedulerKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate one image with Stable Diffusion from a local model directory (docs/models.md).",
            "Writes FILE.png and, beside it, FILE.json with the image's full parameter record (model SHA-256,",
            "prompt, negative prompt, seed, steps, guidance, scheduler, size, dtype, device, timings).",
            "The pipeline's 'sd' generator runs the same code."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DeviceOption device;

    @Option(names = "--model-dir", required = true, paramLabel = "DIR",
            description = "Model directory: model.json, tokenizer.json, text_encoder.pt, unet.pt, vae_decoder.pt.")
    Path modelDir;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "What to draw.")
    String prompt;

    @Option(names = "--negative", paramLabel = "TEXT", defaultValue = "",
            description = "Negative prompt: what to steer away from (default none).")
    String negative;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the initial noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steps", paramLabel = "N", description = "Denoising steps (default: the model's).")
    Integer steps;

    @Option(names = "--guidance", paramLabel = "G",
            description = "Classifier-free guidance scale; ≤ 1 turns it off (default: the model's).")
    Double guidance;

    @Option(names = "--scheduler", paramLabel = "ddim|pndm|euler", description = "Scheduler (default: the model's).")
    String scheduler;

    @Option(names = "--size", paramLabel = "PIXELS",
            description = "Side of the square image, a multiple of 8 (default: the model's size).")
    Integer size;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where the PNG goes.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new InputException("--out must name a .png file, got " + out);
        }
        SdRequest request = SdRequest.of(prompt, seed).withNegative(negative).withSteps(steps).withGuidance(guidance)
                .withScheduler(scheduler == null ? null : SchedulerKind.parse(scheduler)).withSize(size, size);
        PrintWriter w = spec.commandLine().getOut();
        try (StableDiffusion sd = StableDiffusion.load(modelDir, device.device())) {
            SdImage image = sd.generate(request).get(0);
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            ImageIO.write(image.image(), "png", out.toFile());
            Path record = sidecar(out);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(record.toFile(), image.params());
            w.printf(Locale.ROOT, "%s: %d×%d, %s %d steps, seed %d, %.0f ms on %s (record: %s)%n", out,
                    image.image().getWidth(), image.image().getHeight(), image.params().get("scheduler"),
                    image.params().get("steps"), image.seed(), (Double) image.params().get("batch_ms"),
                    image.params().get("device"), record);
        }
        return 0;
    }

    /** {@code x.png} → {@code x.json}. */
    static Path sidecar(Path png) {
        String name = png.getFileName().toString();
        return png.resolveSibling(name.substring(0, name.length() - 4) + ".json");
    }
}
