package org.is3.trainer.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.is3.core.InputException;
import org.is3.core.audio.SpectrogramPreset;
import org.is3.trainer.data.AugmentSpec;
import org.is3.trainer.data.NegativeSpec;
import org.is3.trainer.data.VggSoundSource;
import org.is3.trainer.loss.InfoNce;
import org.is3.trainer.model.ModelSpec;

/**
 * The one typed configuration of a training run, read from YAML (docs/trainer.md lists every key).
 * Every key has a default; the defaults are the paper's model and optimiser.
 *
 * @param out             run directory: checkpoints, CSV logs, plots
 * @param steps           optimiser steps in all
 * @param batchSize       examples per step
 * @param lr              Adam learning rate (paper: 1e-4)
 * @param tau             InfoNCE temperature (paper: 0.07)
 * @param seed            seed of initialisation and of every data draw
 * @param threads         PyTorch intra-op threads (0 = half the cores)
 * @param checkpointEvery steps between checkpoints (0 = only at the end)
 * @param validateEvery   steps between validations (0 = only at the end)
 * @param visualWeights   optional DJL parameter file of the visual trunk to start from
 * @param audioWeights    optional DJL parameter file of the audio trunk to start from
 * @param validation      held-out data scored with the project's metrics ({@code kind: none} to skip)
 * @param validationScenes held-out shapes scenes (shapes validation)
 */
public record TrainConfig(Path out, int steps, int batchSize, double lr, double tau, long seed, int threads,
                          int checkpointEvery, int validateEvery, ModelSpec model, Path visualWeights,
                          Path audioWeights, DataSpec data, DataSpec validation, int validationScenes,
                          AugmentSpec augment, PositiveSpec positives, NegativeSpec negatives) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public TrainConfig {
        if (steps < 1 || batchSize < 2 || !(lr > 0) || !(tau > 0) || threads < 0 || checkpointEvery < 0
                || validateEvery < 0) {
            throw new InputException("config: need steps >= 1, batchSize >= 2, lr > 0, tau > 0, threads >= 0,"
                    + " checkpointEvery >= 0, validateEvery >= 0");
        }
        if (!List.of("none", "embeddings", "bootstrap").contains(positives.mode())) {
            throw new InputException("config: positives.mode must be none, embeddings or bootstrap, got '"
                    + positives.mode() + "'");
        }
        if (positives.mode().equals("embeddings")
                && (positives.imageEmbeddings() == null || positives.audioEmbeddings() == null)) {
            throw new InputException("config: positives.mode embeddings needs positives.imageEmbeddings and"
                    + " positives.audioEmbeddings (.npy, one row per training example)");
        }
    }

    /** The same run writing into another directory. */
    public TrainConfig withOut(Path dir) {
        return new TrainConfig(dir, steps, batchSize, lr, tau, seed, threads, checkpointEvery, validateEvery, model,
                visualWeights, audioWeights, data, validation, validationScenes, augment, positives, negatives);
    }

    /** The same run with another step count. */
    public TrainConfig withSteps(int n) {
        return new TrainConfig(out, n, batchSize, lr, tau, seed, threads, checkpointEvery, validateEvery, model,
                visualWeights, audioWeights, data, validation, validationScenes, augment, positives, negatives);
    }

    /** The proof-of-learning configuration shipped with the trainer (docs/trainer.md). */
    public static String proofYaml() {
        try (java.io.InputStream in = TrainConfig.class.getResourceAsStream("/org/is3/trainer/shapes-proof.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the packaged shapes-proof.yaml is unreadable", e);
        }
    }

    /** Reads a YAML file; relative paths in it are relative to the file's directory. */
    public static TrainConfig read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the training config (" + e.getMessage() + ")", e);
        }
        return parse(root, file.toAbsolutePath().getParent());
    }

    /** Parses a YAML document (tests, and the copy stored in checkpoints). */
    public static TrainConfig parse(String yaml, Path base) {
        try {
            return parse(YAML.readTree(yaml), base);
        } catch (IOException e) {
            throw new InputException("training config is not valid YAML (" + e.getMessage() + ")", e);
        }
    }

    private static TrainConfig parse(JsonNode root, Path base) {
        ConfigNode c = new ConfigNode(root, "", base);
        ConfigNode m = c.section("model");
        ModelSpec model = new ModelSpec(m.number("width", 1.0), m.integer("projectionDim", 512),
                m.integer("imageSize", 224), preset(m.text("preset", "ssl_align")), m.integer("audioFrames", 0));
        Path visualWeights = m.path("visualWeights");
        Path audioWeights = m.path("audioWeights");
        DataSpec data = data(c.section("data"), "shapes", 1);
        ConfigNode v = c.section("validation");
        DataSpec validation = data(v, data.kind().equals("shapes") ? "shapes" : "none", 99);
        int validationScenes = v.integer("scenes", 100);
        ConfigNode a = c.section("augment");
        AugmentSpec simclr = AugmentSpec.simclr();
        AugmentSpec augment = new AugmentSpec(a.number("minCropScale", simclr.minCropScale()),
                a.bool("flip", simclr.flip()), a.number("jitter", simclr.jitter()), a.number("hue", simclr.hue()),
                a.number("grayscale", simclr.grayscale()), a.number("blur", simclr.blur()),
                a.number("shiftSeconds", simclr.shiftSeconds()));
        ConfigNode p = c.section("positives");
        PositiveSpec positives = new PositiveSpec(p.text("mode", "bootstrap"), p.integer("k", 1000),
                p.path("imageEmbeddings"), p.path("audioEmbeddings"));
        ConfigNode n = c.section("negatives");
        NegativeSpec negatives = new NegativeSpec(n.number("rate", 0.0), n.number("weight", 1.0),
                n.number("noiseLevel", 1.0));
        TrainConfig cfg = new TrainConfig(c.path("out") == null ? base.resolve("runs/train") : c.path("out"),
                c.integer("steps", 1000), c.integer("batchSize", 32), c.number("lr", 1e-4),
                c.number("tau", InfoNce.PAPER_TAU), c.longValue("seed", 0), c.integer("threads", 0),
                c.integer("checkpointEvery", 500), c.integer("validateEvery", 500), model, visualWeights,
                audioWeights, data, validation, validationScenes, augment, positives, negatives);
        for (ConfigNode section : List.of(m, a, p, n, v)) {
            section.rejectUnknown();
        }
        c.rejectUnknown();
        return cfg;
    }

    private static DataSpec data(ConfigNode d, String defaultKind, long defaultSceneSeed) {
        String kind = d.text("kind", defaultKind);
        if (!List.of("shapes", "release", "vggsound", "none").contains(kind)) {
            throw new InputException("config: data kind must be shapes, release or vggsound, got '" + kind + "'");
        }
        String naming = d.text("naming", "padded");
        VggSoundSource.Naming nm;
        try {
            nm = VggSoundSource.Naming.valueOf(naming.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("config: naming must be padded or millis, got '" + naming + "'");
        }
        DataSpec spec = new DataSpec(kind, d.path("path"), d.path("index"), d.path("clips"), nm, d.text("split", null),
                d.integer("categories", 8), d.longValue("worldSeed", 7), d.longValue("sceneSeed", defaultSceneSeed),
                d.integer("scenes", 10000), d.bool("closeUp", true));
        if (kind.equals("release") && spec.path() == null) {
            throw new InputException("config: a release data source needs 'path'");
        }
        if (kind.equals("vggsound") && (spec.index() == null || spec.clips() == null)) {
            throw new InputException("config: a vggsound data source needs 'index' and 'clips'");
        }
        d.rejectUnknown();
        return spec;
    }

    private static SpectrogramPreset preset(String name) {
        try {
            return SpectrogramPreset.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("config: model.preset must be ssl_align, ezvsl or rolled_centre_crop, got '"
                    + name + "'");
        }
    }
}
