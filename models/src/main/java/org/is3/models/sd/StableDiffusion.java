package org.is3.models.sd;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.core.InputException;
import org.is3.models.runtime.DjlRuntime;
import org.is3.models.runtime.FileDigest;
import org.is3.models.runtime.TorchScriptModule;
import org.is3.models.sd.scheduler.Scheduler;
import org.is3.models.sd.scheduler.SchedulerConfig;
import org.is3.models.sd.scheduler.SchedulerKind;
import org.is3.models.tokenizer.ClipTokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stable Diffusion from a local model directory (docs/models.md, "Stable Diffusion layout"): CLIP text
 * encoder, UNet and VAE decoder as TorchScript, the CLIP tokenizer, {@code model.json}. Text → latents
 * (seeded noise, scheduler loop with classifier-free guidance) → image. One generation runs at a time
 * per loaded model (callers on other threads wait), which bounds GPU memory to one batch.
 */
public final class StableDiffusion implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StableDiffusion.class);
    public static final List<String> FILES = List.of(SdModelConfig.FILE, "tokenizer.json", "text_encoder.pt",
            "unet.pt", "vae_decoder.pt");

    private final Path dir;
    private final SdModelConfig config;
    private final String sha256;
    private final Device device;
    private final NDManager manager;
    private final ClipTokenizer tokenizer;
    private final TorchScriptModule textEncoder;
    private final TorchScriptModule unet;
    private final TorchScriptModule vae;

    private StableDiffusion(Path dir, SdModelConfig config, String sha256, Device device, NDManager manager,
                            ClipTokenizer tokenizer, TorchScriptModule textEncoder, TorchScriptModule unet,
                            TorchScriptModule vae) {
        this.dir = dir;
        this.config = config;
        this.sha256 = sha256;
        this.device = device;
        this.manager = manager;
        this.tokenizer = tokenizer;
        this.textEncoder = textEncoder;
        this.unet = unet;
        this.vae = vae;
    }

    /** Loads the model directory onto the process's device ({@link DjlRuntime#device()}). */
    public static StableDiffusion load(Path modelDir) {
        return load(modelDir, DjlRuntime.device());
    }

    /**
     * Loads {@code modelDir} onto {@code device}.
     *
     * @throws InputException when a file is missing or malformed (the message names it)
     */
    public static StableDiffusion load(Path modelDir, Device device) {
        Path dir = modelDir.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        for (String f : FILES) {
            Path p = dir.resolve(f);
            if (!Files.isRegularFile(p)) {
                throw new InputException("Stable Diffusion model directory " + dir + " has no " + f
                        + " (expected " + FILES + "; see docs/models.md)");
            }
            files.add(p);
        }
        SdModelConfig config = SdModelConfig.read(dir);
        if (!config.dtype().suits(device)) {
            LOG.warn("model {} is {} on {}: libtorch's CPU half kernels are slow or missing; export float32 for CPU",
                    config.name(), config.dtype().key(), device);
        }
        long t0 = System.nanoTime();
        String sha = FileDigest.sha256(files);
        NDManager manager = NDManager.newBaseManager(device, DjlRuntime.ENGINE);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            ClipTokenizer tok = ClipTokenizer.load(dir.resolve("tokenizer.json"), config.maxLength());
            opened.add(tok);
            TorchScriptModule text = TorchScriptModule.load(dir.resolve("text_encoder.pt"), device);
            opened.add(text);
            TorchScriptModule unet = TorchScriptModule.load(dir.resolve("unet.pt"), device);
            opened.add(unet);
            TorchScriptModule vae = TorchScriptModule.load(dir.resolve("vae_decoder.pt"), device);
            LOG.info("loaded Stable Diffusion {} (sha256 {}) on {} as {} in {} ms", config.name(),
                    sha.substring(0, 12), device, config.dtype().key(), (System.nanoTime() - t0) / 1_000_000);
            return new StableDiffusion(dir, config, sha, device, manager, tok, text, unet, vae);
        } catch (RuntimeException e) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                closeQuietly(opened.get(i));
            }
            manager.close();
            throw e;
        }
    }

    public SdModelConfig config() {
        return config;
    }

    /** SHA-256 over the directory's five files ({@link #FILES}), recorded with every image. */
    public String sha256() {
        return sha256;
    }

    public Device device() {
        return device;
    }

    /** Generates {@code request.count()} images; image {@code k} has seed {@code request.seed() + k}. */
    public synchronized List<SdImage> generate(SdRequest request) {
        return generate(request, StepListener.NONE);
    }

    /** As {@link #generate(SdRequest)}, telling {@code listener} each UNet call's time (benchmarks). */
    public synchronized List<SdImage> generate(SdRequest request, StepListener listener) {
        Plan plan = Plan.of(config, request);
        long t0 = System.nanoTime();
        Scheduler scheduler = plan.schedulerConfig().create(plan.steps());
        List<SdImage> out = new ArrayList<>();
        try (NDManager m = manager.newSubManager()) {
            NDArray text = encodeText(m, request, plan.guided());
            float[] latents = LatentNoise.draw(request.seed(), request.count(), plan.latentSize(),
                    scheduler.initNoiseSigma());
            double[] timesteps = scheduler.timesteps();
            long unetNanos = 0;
            for (int i = 0; i < timesteps.length; i++) {
                long s0 = System.nanoTime();
                float[] noise = predictNoise(m, text, scheduler.scaleModelInput(latents, i), timesteps[i], plan);
                long dt = System.nanoTime() - s0;
                unetNanos += dt;
                listener.unetCall(i, dt);
                latents = scheduler.step(noise, i, latents);
            }
            long d0 = System.nanoTime();
            float[] pixels = decode(m, latents, plan);
            long decodeNanos = System.nanoTime() - d0;
            long total = System.nanoTime() - t0;
            for (int k = 0; k < request.count(); k++) {
                Map<String, Object> params = params(request, plan, scheduler, k);
                params.put("unet_calls", timesteps.length);
                params.put("unet_ms", unetNanos / 1e6);
                params.put("decode_ms", decodeNanos / 1e6);
                params.put("batch_ms", total / 1e6);
                out.add(new SdImage(VaeImages.toImage(pixels, k, plan.width(), plan.height()), params));
            }
        }
        LOG.info("generated {} image(s) with {} seed {} in {} ms", request.count(), config.name(), request.seed(),
                (System.nanoTime() - t0) / 1_000_000);
        return out;
    }

    /** {@code [B, 77, H]} conditional embeddings, preceded by B unconditional ones when guided. */
    private NDArray encodeText(NDManager m, SdRequest r, boolean guided) {
        int b = r.count();
        int len = config.maxLength();
        List<String> prompts = guided ? List.of(r.negativePrompt(), r.prompt()) : List.of(r.prompt());
        long[] ids = new long[prompts.size() * len];
        for (int i = 0; i < prompts.size(); i++) {
            System.arraycopy(tokenizer.ids(prompts.get(i)), 0, ids, i * len, len);
        }
        NDArray hidden = textEncoder.forward(new NDList(m.create(ids, new Shape(prompts.size(), len)))).head();
        // each text's embedding repeated over the batch: [uncond × B, cond × B]
        NDList parts = new NDList();
        for (int i = 0; i < prompts.size(); i++) {
            NDArray one = hidden.get(i + ":" + (i + 1));
            parts.add(b == 1 ? one : one.repeat(0, b));
        }
        return parts.size() == 1 ? parts.head() : parts.get(0).concat(parts.get(1), 0);
    }

    /** The guided noise prediction for one step, as float32 in the latents' layout. */
    private float[] predictNoise(NDManager outer, NDArray text, float[] input, double t, Plan plan) {
        try (NDManager m = outer.newSubManager()) {
            int b = plan.count();
            Shape shape = new Shape(b, config.latentChannels(), plan.latentHeight(), plan.latentWidth());
            NDArray x = m.create(input, shape).toType(config.dtype().dataType(), false);
            if (plan.guided()) {
                x = x.concat(x, 0);
            }
            int rows = plan.guided() ? 2 * b : b;
            NDArray ts = m.full(new Shape(rows), (float) t, DataType.FLOAT32);
            NDArray out = unet.forward(new NDList(x, ts, text)).head().toType(DataType.FLOAT32, false);
            if (plan.guided()) {
                NDArray uncond = out.get("0:" + b);
                NDArray cond = out.get(b + ":");
                out = uncond.add(cond.sub(uncond).mul(plan.guidance()));
            }
            return out.toFloatArray();
        }
    }

    private float[] decode(NDManager outer, float[] latents, Plan plan) {
        try (NDManager m = outer.newSubManager()) {
            Shape shape = new Shape(plan.count(), config.latentChannels(), plan.latentHeight(), plan.latentWidth());
            NDArray z = m.create(latents, shape).div(config.scalingFactor()).toType(config.dtype().dataType(), false);
            NDArray image = vae.forward(new NDList(z)).head().toType(DataType.FLOAT32, false);
            Shape expected = new Shape(plan.count(), 3, plan.height(), plan.width());
            if (!image.getShape().equals(expected)) {
                throw new InputException("model " + config.name() + ": vae_decoder.pt returned " + image.getShape()
                        + ", expected " + expected + " (check vae_scale_factor and the image size)");
            }
            return image.toFloatArray();
        }
    }

    private Map<String, Object> params(SdRequest r, Plan plan, Scheduler scheduler, int k) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("generator", "sd");
        p.put("model", config.name());
        p.put("model_dir", dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
        p.put("model_sha256", sha256);
        p.put("prompt", r.prompt());
        p.put("negative_prompt", r.negativePrompt());
        p.put("seed", r.seed() + k);
        p.put("batch_seed", r.seed());
        p.put("batch_index", k);
        p.put("batch_size", r.count());
        p.put("steps", plan.steps());
        p.put("guidance", plan.guidance());
        p.put("scheduler", scheduler.name());
        p.put("timestep_spacing", plan.schedulerConfig().spacing().key());
        p.put("prediction_type", plan.schedulerConfig().prediction().name().toLowerCase(java.util.Locale.ROOT));
        p.put("width", plan.width());
        p.put("height", plan.height());
        p.put("dtype", config.dtype().key());
        p.put("device", device.toString());
        p.put("latent_noise", "java.util.Random(seed).nextGaussian");
        return p;
    }

    @Override
    public void close() {
        closeQuietly(vae);
        closeQuietly(unet);
        closeQuietly(textEncoder);
        closeQuietly(tokenizer);
        manager.close();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", c, e.getMessage());
        }
    }

    /** Told the duration of each UNet call (benchmarks); calls arrive on the generating thread. */
    @FunctionalInterface
    public interface StepListener {
        StepListener NONE = (index, nanos) -> { };

        void unetCall(int index, long nanos);
    }

    /** A request resolved against the model's defaults. */
    record Plan(int count, int steps, double guidance, int width, int height, int latentWidth, int latentHeight,
                int latentSize, SchedulerConfig schedulerConfig) {

        static Plan of(SdModelConfig c, SdRequest r) {
            int w = r.width() != null ? r.width() : c.width();
            int h = r.height() != null ? r.height() : c.height();
            SdModelConfig.checkSize(c.name(), w, h, c.vaeScaleFactor());
            int lw = w / c.vaeScaleFactor();
            int lh = h / c.vaeScaleFactor();
            SchedulerKind kind = r.scheduler() != null ? r.scheduler() : c.scheduler().kind();
            SchedulerConfig sc = kind == c.scheduler().kind() ? c.scheduler() : c.scheduler().withKind(kind, null);
            return new Plan(r.count(), r.steps() != null ? r.steps() : c.steps(),
                    r.guidance() != null ? r.guidance() : c.guidance(), w, h, lw, lh,
                    c.latentChannels() * lw * lh, sc);
        }

        /** diffusers guides only when the scale exceeds 1. */
        boolean guided() {
            return guidance > 1.0;
        }
    }
}
