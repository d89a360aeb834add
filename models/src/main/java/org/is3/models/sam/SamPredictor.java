package org.is3.models.sam;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.is3.core.InputException;
import org.is3.models.runtime.DjlRuntime;
import org.is3.models.runtime.FileDigest;
import org.is3.models.runtime.TorchScriptModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SAM-style interactive segmentation (docs/models.md, "SAM layout"): the image encoder runs once per
 * image and its embedding is cached on disk under the model's id and the image's {@link ImageKey}
 * (the pipeline's embed stage precomputes it right after generation, peers.md); a click is then a
 * decoder-only call. Images come in as pixels or local files only: nothing here opens a URL.
 * Calls are serialised (one encoder or decoder pass at a time per loaded model).
 */
public final class SamPredictor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SamPredictor.class);
    public static final String ENCODER = "image_encoder.pt";
    public static final String DECODER = "prompt_decoder.pt";
    /** Point label of SAM's prompt encoder for "no point" (pads a prompt that has no box). */
    static final float PADDING = -1f;

    private final SamModelConfig config;
    private final String modelId;
    private final NDManager manager;
    private final TorchScriptModule encoder;
    private final TorchScriptModule decoder;
    private final EmbeddingCache cache;
    private final AtomicLong encoderRuns = new AtomicLong();

    private SamPredictor(SamModelConfig config, String modelId, NDManager manager, TorchScriptModule encoder,
                         TorchScriptModule decoder, EmbeddingCache cache) {
        this.config = config;
        this.modelId = modelId;
        this.manager = manager;
        this.encoder = encoder;
        this.decoder = decoder;
        this.cache = cache;
    }

    /** {@code <is3 home>/cache/sam}: where embeddings live unless a caller chooses otherwise. */
    public static Path defaultCacheDir(Path is3Home) {
        return is3Home.resolve("cache").resolve("sam");
    }

    /**
     * Loads {@code modelDir} ({@code image_encoder.pt}, {@code prompt_decoder.pt}, {@code model.json})
     * onto {@code device}, with embeddings cached under {@code cacheDir}.
     *
     * @throws InputException when a file is missing or malformed
     */
    public static SamPredictor load(Path modelDir, Path cacheDir, Device device) {
        Path dir = modelDir.toAbsolutePath().normalize();
        for (String f : List.of(SamModelConfig.FILE, ENCODER, DECODER)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new InputException("SAM model directory " + dir + " has no " + f + " (expected "
                        + List.of(SamModelConfig.FILE, ENCODER, DECODER) + "; see docs/models.md)");
            }
        }
        SamModelConfig config = SamModelConfig.read(dir);
        // the cache is keyed by what produces embeddings: the encoder and its preprocessing
        String id = FileDigest.sha256(List.of(dir.resolve(SamModelConfig.FILE), dir.resolve(ENCODER))).substring(0, 16);
        NDManager manager = NDManager.newBaseManager(device, DjlRuntime.ENGINE);
        TorchScriptModule encoder = null;
        try {
            encoder = TorchScriptModule.load(dir.resolve(ENCODER), device);
            TorchScriptModule decoder = TorchScriptModule.load(dir.resolve(DECODER), device);
            LOG.info("loaded SAM {} (id {}) on {}, embeddings under {}", config.name(), id, device, cacheDir);
            return new SamPredictor(config, id, manager, encoder, decoder, new EmbeddingCache(cacheDir, id, 8));
        } catch (RuntimeException e) {
            if (encoder != null) {
                encoder.close();
            }
            manager.close();
            throw e;
        }
    }

    public SamModelConfig config() {
        return config;
    }

    /** The first 16 hex digits of SHA-256(model.json, image_encoder.pt): the cache's subdirectory. */
    public String modelId() {
        return modelId;
    }

    /** How many times this instance ran the image encoder (cache misses). */
    public long encoderRuns() {
        return encoderRuns.get();
    }

    /** Whether {@code key}'s embedding is cached (in memory or on disk). */
    public synchronized boolean isEmbedded(String key) {
        return cache.contains(ImageKey.check(key));
    }

    /** Embeds {@code image} unless cached; returns its {@link ImageKey}. */
    public synchronized String embed(BufferedImage image) {
        String key = ImageKey.of(image);
        if (cache.contains(key)) {
            return key;
        }
        long t0 = System.nanoTime();
        InputFrame frame = InputFrame.of(image.getWidth(), image.getHeight(), config);
        try (NDManager m = manager.newSubManager()) {
            int s = config.inputSize();
            NDArray input = m.create(frame.encoderInput(image, config), new Shape(1, 3, s, s));
            NDList outputs = encoder.forward(new NDList(input));
            NDList stored = new NDList();
            for (NDArray a : outputs) {
                stored.add(a.toType(DataType.FLOAT32, false).toDevice(Device.cpu(), false));
            }
            stored.add(m.create(new int[] {image.getHeight(), image.getWidth()}));
            cache.put(key, stored);
        }
        encoderRuns.incrementAndGet();
        LOG.info("embedded image {} ({}×{}) with {} in {} ms", key.substring(0, 12), image.getWidth(),
                image.getHeight(), config.name(), (System.nanoTime() - t0) / 1_000_000);
        return key;
    }

    /**
     * The pipeline's embed stage: embeds a local image file (PNG, JPEG) unless cached.
     *
     * @throws InputException when the file is missing or not an image
     */
    public String precompute(Path imageFile) {
        if (!Files.isRegularFile(imageFile)) {
            throw new InputException("image " + imageFile + " does not exist");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(imageFile.toFile());
        } catch (IOException e) {
            throw new InputException("image " + imageFile + " cannot be read: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new InputException("image " + imageFile + " is not in a format ImageIO reads (PNG, JPEG, BMP, GIF)");
        }
        return embed(image);
    }

    /** Embeds {@code image} if needed, then decodes the prompt (see {@link #predict(String, List, Optional, Optional)}). */
    public SamResult predict(BufferedImage image, List<Click> clicks, Optional<Box> box,
                             Optional<float[]> previousLowRes) {
        return predict(embed(image), clicks, box, previousLowRes);
    }

    /**
     * Decodes one prompt on a cached embedding: the clicks (label 1/0), an optional box (labels 2/3),
     * and optionally the previous result's low-res logits (SAM refines from them when a click was
     * added). Without a box the points are padded with one "no point" (label −1), as SAM's own
     * predictor does. Of a multi-mask output, the mask is chosen by SAM's rule: with at most two prompt
     * points (one click plus padding, or a box alone) the best-scoring of masks 1…M−1, otherwise mask 0.
     *
     * @throws InputException for an unknown key, no prompt at all, or logits of the wrong size
     */
    public synchronized SamResult predict(String key, List<Click> clicks, Optional<Box> box,
                                          Optional<float[]> previousLowRes) {
        ImageKey.check(key);
        if (clicks.isEmpty() && box.isEmpty()) {
            throw new InputException("a SAM prompt needs at least one click or a box");
        }
        try (NDManager m = manager.newSubManager()) {
            NDList cached = cache.get(key, m).orElseThrow(() -> new InputException("image " + key
                    + " has no embedding for model " + config.name() + "; embed it first (pipeline embed stage)"));
            int[] size = cached.get(cached.size() - 1).toIntArray();
            InputFrame frame = InputFrame.of(size[1], size[0], config);
            NDList inputs = new NDList();
            for (int i = 0; i < cached.size() - 1; i++) {
                inputs.add(cached.get(i).toDevice(m.getDevice(), false));
            }
            long[] embShape = inputs.get(0).getShape().getShape();
            int low = 4 * (int) embShape[embShape.length - 1];
            Prompt prompt = Prompt.of(clicks, box, frame);
            inputs.add(m.create(prompt.coords(), new Shape(1, prompt.count(), 2)));
            inputs.add(m.create(prompt.labels(), new Shape(1, prompt.count())));
            inputs.add(m.create(maskInput(previousLowRes, low), new Shape(1, 1, low, low)));
            inputs.add(m.create(new float[] {previousLowRes.isPresent() ? 1f : 0f}));
            NDList out = decoder.forward(inputs);
            float[] masks = out.get(0).toType(DataType.FLOAT32, false).toFloatArray();
            float[] scores = out.get(1).toType(DataType.FLOAT32, false).toFloatArray();
            int count = scores.length;
            if (masks.length != count * low * low) {
                throw new InputException("model " + config.name() + ": prompt_decoder.pt returned "
                        + out.get(0).getShape() + ", expected [1, " + count + ", " + low + ", " + low + "]");
            }
            int pick = choose(scores, prompt.count());
            float[] logits = new float[low * low];
            System.arraycopy(masks, pick * low * low, logits, 0, logits.length);
            return new SamResult(threshold(frame.upscale(logits, low)), frame.width(), frame.height(), scores[pick],
                    logits, low);
        }
    }

    private static float[] maskInput(Optional<float[]> previous, int low) {
        if (previous.isEmpty()) {
            return new float[low * low];
        }
        float[] p = previous.get();
        if (p.length != low * low) {
            throw new InputException("previous low-res logits have " + p.length + " values, this model needs "
                    + low + "×" + low);
        }
        return p;
    }

    /** SAM's selection from its ONNX export: single-mask output once the prompt has more than two points. */
    static int choose(float[] scores, int promptPoints) {
        if (scores.length == 1 || promptPoints > 2) {
            return 0;
        }
        int best = 1;
        for (int i = 2; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    private boolean[] threshold(float[] logits) {
        boolean[] mask = new boolean[logits.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = logits[i] > config.maskThreshold();
        }
        return mask;
    }

    @Override
    public void close() {
        decoder.close();
        encoder.close();
        manager.close();
    }

    /** The decoder's point prompt in encoder-input pixels. */
    record Prompt(float[] coords, float[] labels, int count) {

        static Prompt of(List<Click> clicks, Optional<Box> box, InputFrame frame) {
            int n = clicks.size() + (box.isPresent() ? 2 : 1);
            float[] coords = new float[2 * n];
            float[] labels = new float[n];
            int i = 0;
            for (Click c : clicks) {
                coords[2 * i] = (float) frame.inputX(c.x());
                coords[2 * i + 1] = (float) frame.inputY(c.y());
                labels[i++] = c.positive() ? 1f : 0f;
            }
            if (box.isPresent()) {
                Box b = box.get();
                coords[2 * i] = (float) frame.inputX(b.x0());
                coords[2 * i + 1] = (float) frame.inputY(b.y0());
                labels[i++] = 2f;
                coords[2 * i] = (float) frame.inputX(b.x1());
                coords[2 * i + 1] = (float) frame.inputY(b.y1());
                labels[i] = 3f;
            } else {
                labels[i] = PADDING;
            }
            return new Prompt(coords, labels, n);
        }
    }
}
