package org.is3.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.is3.models.sd.SdImage;
import org.is3.models.sd.SdRequest;
import org.is3.models.sd.StableDiffusion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sd", mixinStandardHelpOptions = true,
        description = {"Measure Stable Diffusion: time per UNet call (median and mean over all timed calls) and",
            "end-to-end time per image (text encoding, denoising loop, VAE decode) after one warm-up run.",
            "Default model: the tiny random-weight test fixture (run from the repository root)."})
final class BenchSdCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DeviceOption device;

    @Option(names = "--model-dir", paramLabel = "DIR", defaultValue = "models/src/test/resources/fixtures/sd-tiny",
            description = "Model directory (default ${DEFAULT-VALUE}).")
    Path modelDir;

    @Option(names = "--steps", paramLabel = "N", description = "Denoising steps (default: the model's).")
    Integer steps;

    @Option(names = "--batch", defaultValue = "1", description = "Images per generation (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--runs", defaultValue = "5", description = "Timed generations (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() {
        if (runs < 1 || batch < 1) {
            throw new org.is3.core.InputException("--runs and --batch must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (StableDiffusion sd = StableDiffusion.load(modelDir, device.device())) {
            SdRequest request = SdRequest.of("a photo of a cat and a dog", 0).withSteps(steps).withCount(batch);
            sd.generate(request);
            List<Long> calls = new ArrayList<>();
            double[] totals = new double[runs];
            double[] decodes = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                List<SdImage> images = sd.generate(request, (index, nanos) -> calls.add(nanos));
                totals[r] = (System.nanoTime() - t0) / 1e6;
                decodes[r] = (Double) images.get(0).params().get("decode_ms");
            }
            Arrays.sort(decodes);
            long[] unet = calls.stream().mapToLong(Long::longValue).sorted().toArray();
            double mean = Arrays.stream(unet).average().orElse(0) / 1e6;
            double[] sortedTotals = totals.clone();
            Arrays.sort(sortedTotals);
            out.printf(Locale.ROOT, "model %s (%s), %s, %s, batch %d, %d×%d, %d UNet calls per image%n",
                    sd.config().name(), sd.sha256().substring(0, 12), sd.device(), sd.config().dtype().key(), batch,
                    sd.config().width(), sd.config().height(), unet.length / runs);
            out.printf(Locale.ROOT, "UNet call: median %.2f ms, mean %.2f ms (%d calls, CFG batch of %d)%n",
                    unet[unet.length / 2] / 1e6, mean, unet.length, 2 * batch);
            out.printf(Locale.ROOT, "VAE decode: median %.2f ms per generation%n", decodes[runs / 2]);
            out.printf(Locale.ROOT, "end to end: median %.1f ms per generation, %.1f ms per image (%d runs)%n",
                    sortedTotals[runs / 2], sortedTotals[runs / 2] / batch, runs);
        }
        return 0;
    }
}
