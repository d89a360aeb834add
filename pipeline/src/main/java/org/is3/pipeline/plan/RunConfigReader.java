package org.is3.pipeline.plan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.is3.core.InputException;

/**
 * Reads a run's YAML file:
 * <pre>
 * name: demo                      # required; [A-Za-z0-9][A-Za-z0-9._-]{0,63}
 * seed: 7                         # default 0
 * categories: {shapes: 6}         # or {file: classes.txt}, relative to the YAML file
 * templates: ["{c1} beside {c2}"] # added to the paper's three
 * paper_templates: true           # false: only the templates above
 * images_per_pair: 1
 * limit: 100                      # most images; default all pairs
 * exclude: {categories: [dog], pairs: [[cat, piano]]}
 * generator: shapes
 * image_size: 512
 * generator_options: {model_dir: /models/sd15}   # read by the generator only
 * auto_annotate: false            # shapes: take the exact masks, approve without people
 * embed_model_dir: /models/sam    # cache each generated image's SAM embedding (embed stage)
 * audio:                          # default {source: shapes}
 *   source: vggsound              # or shapes (the shapes world's sound signatures)
 *   mirror: clips/                # relative to the YAML file
 *   index: vggsound.csv           # youtube_id,start_seconds,label,split — no header
 *   clip_pattern: "{ytid}_{start:06d}.mp4"
 *   seconds: 10
 *   noise_level: 1.0              # white-noise negative's standard deviation (reference 1.0)
 * </pre>
 * Unknown keys are refused, so a misspelt key never silently falls back to a default.
 */
public final class RunConfigReader {

    private static final Set<String> KEYS = Set.of("name", "seed", "categories", "templates",
            "paper_templates", "images_per_pair", "limit", "exclude", "generator", "image_size",
            "generator_options", "auto_annotate", "audio", "embed_model_dir");
    private static final Set<String> AUDIO_KEYS = Set.of("source", "mirror", "index", "clip_pattern", "seconds",
            "noise_level");
    private static final YAMLMapper YAML = new YAMLMapper();

    private RunConfigReader() {
    }

    public static RunConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InputException("run config " + file + " cannot be read: " + e.getMessage(), e);
        }
        return parse(text, file.toAbsolutePath().getParent(), file.toString());
    }

    /**
     * @param baseDir directory a relative {@code categories.file} is resolved against
     * @param source  what error messages call the text (usually its file name)
     */
    public static RunConfig parse(String yaml, Path baseDir, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new InputException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof ObjectNode obj)) {
            throw new InputException(source + ": a run config must be a mapping of keys, got "
                    + (root == null ? "nothing" : root.getNodeType()));
        }
        checkKeys(source, "", obj, KEYS);
        try {
            return toConfig(obj, baseDir, source);
        } catch (InputException e) {
            throw e.getMessage().startsWith(source) ? e : new InputException(source + ": " + e.getMessage(), e);
        }
    }

    /** The config as YAML with the class-list path made absolute: what the database stores. */
    public static String toYaml(RunConfig c) {
        ObjectNode n = YAML.createObjectNode();
        n.put("name", c.name()).put("seed", c.seed());
        ObjectNode cats = n.putObject("categories");
        if (c.categories().isShapes()) {
            cats.put("shapes", c.categories().shapes());
        } else {
            cats.put("file", c.categories().file().toString());
        }
        c.templates().forEach(n.putArray("templates")::add);
        n.put("paper_templates", false).put("images_per_pair", c.imagesPerPair());
        if (c.limit() != RunConfig.NO_LIMIT) {
            n.put("limit", c.limit());
        }
        ObjectNode ex = n.putObject("exclude");
        c.excludeCategories().forEach(ex.putArray("categories")::add);
        ArrayNode pairs = ex.putArray("pairs");
        c.excludePairs().forEach(p -> p.forEach(pairs.addArray()::add));
        n.put("generator", c.generator()).put("image_size", c.imageSize());
        ObjectNode options = n.putObject("generator_options");
        c.generatorOptions().forEach(options::put);
        n.put("auto_annotate", c.autoAnnotate());
        if (c.embedModelDir() != null) {
            n.put("embed_model_dir", c.embedModelDir().toString());
        }
        AudioConfig a = c.audio();
        ObjectNode audio = n.putObject("audio").put("source", a.source());
        if (a.mirror() != null) {
            audio.put("mirror", a.mirror().toString());
        }
        if (a.index() != null) {
            audio.put("index", a.index().toString());
        }
        audio.put("clip_pattern", a.clipPattern()).put("seconds", a.seconds()).put("noise_level", a.noiseLevel());
        try {
            return YAML.writeValueAsString(n);
        } catch (JacksonException e) {
            throw new IllegalStateException("writing run config " + c.name() + " as YAML", e);
        }
    }

    private static RunConfig toConfig(ObjectNode obj, Path baseDir, String source) {
        String name = text(obj, "name", null, source);
        long seed = integer(obj, "seed", 0, source);
        Set<String> templates = new LinkedHashSet<>();
        if (bool(obj, "paper_templates", true, source)) {
            templates.addAll(RunConfig.PAPER_TEMPLATES);
        }
        templates.addAll(strings(obj.get("templates"), "templates", source));
        ObjectNode exclude = mapping(obj, "exclude", source);
        checkKeys(source, "exclude.", exclude, Set.of("categories", "pairs"));
        List<List<String>> pairs = new ArrayList<>();
        JsonNode pairNode = exclude.get("pairs");
        if (pairNode != null && !pairNode.isArray()) {
            throw new InputException(source + ": exclude.pairs must be a list of [c1, c2] lists");
        }
        if (pairNode != null) {
            for (JsonNode p : pairNode) {
                pairs.add(strings(p, "exclude.pairs", source));
            }
        }
        return new RunConfig(name, seed, categories(mapping(obj, "categories", source), baseDir, source),
                List.copyOf(templates), (int) integer(obj, "images_per_pair", 1, source),
                (int) integer(obj, "limit", RunConfig.NO_LIMIT, source),
                strings(exclude.get("categories"), "exclude.categories", source), pairs,
                text(obj, "generator", RunConfig.DEFAULT_GENERATOR, source),
                (int) integer(obj, "image_size", RunConfig.DEFAULT_IMAGE_SIZE, source),
                options(mapping(obj, "generator_options", source), source),
                bool(obj, "auto_annotate", false, source),
                audio(mapping(obj, "audio", source), baseDir, source),
                path(obj, "embed_model_dir", baseDir, source));
    }

    private static Map<String, String> options(ObjectNode node, String source) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new InputException(source + ": generator_options." + e.getKey()
                        + " must be a single value, got " + e.getValue().getNodeType());
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static AudioConfig audio(ObjectNode node, Path baseDir, String source) {
        checkKeys(source, "audio.", node, AUDIO_KEYS);
        return new AudioConfig(text(node, "source", AudioConfig.SHAPES, source),
                path(node, "mirror", baseDir, source), path(node, "index", baseDir, source),
                text(node, "clip_pattern", AudioConfig.DEFAULT_PATTERN, source),
                number(node, "seconds", AudioConfig.DEFAULT_SECONDS, source),
                number(node, "noise_level", AudioConfig.REFERENCE_NOISE_LEVEL, source));
    }

    private static Path path(ObjectNode node, String key, Path baseDir, String source) {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        Path p = Path.of(text(node, key, null, source));
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
    }

    private static double number(ObjectNode obj, String key, double fallback, String source) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isNumber()) {
            throw new InputException(source + ": '" + key + "' must be a number, got '" + n.asText() + "'");
        }
        return n.asDouble();
    }

    private static CategorySource categories(ObjectNode cats, Path baseDir, String source) {
        checkKeys(source, "categories.", cats, Set.of("file", "shapes"));
        if (cats.has("file") == cats.has("shapes")) {
            throw new InputException(source + ": categories needs exactly one of 'file' (a class list)"
                    + " or 'shapes' (a count of shapes-world categories)");
        }
        if (cats.has("shapes")) {
            return CategorySource.shapes((int) integer(cats, "shapes", 0, source));
        }
        Path file = Path.of(text(cats, "file", null, source));
        return CategorySource.file(file.isAbsolute() || baseDir == null ? file : baseDir.resolve(file));
    }

    private static void checkKeys(String source, String prefix, ObjectNode obj, Set<String> known) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new InputException(source + ": unknown key '" + prefix + key + "'; known: "
                        + known.stream().sorted().map(k -> prefix + k).toList());
            }
        }
    }

    private static ObjectNode mapping(ObjectNode obj, String key, String source) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            if (key.equals("categories")) {
                throw new InputException(source + ": 'categories' is missing ({shapes: N} or {file: path})");
            }
            return YAML.createObjectNode();
        }
        if (!(n instanceof ObjectNode o)) {
            throw new InputException(source + ": '" + key + "' must be a mapping, got " + n.getNodeType());
        }
        return o;
    }

    private static String text(ObjectNode obj, String key, String fallback, String source) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            if (fallback == null) {
                throw new InputException(source + ": '" + key + "' is missing");
            }
            return fallback;
        }
        if (!n.isTextual() && !n.isNumber()) {
            throw new InputException(source + ": '" + key + "' must be text, got " + n.getNodeType());
        }
        return n.asText();
    }

    private static long integer(ObjectNode obj, String key, long fallback, String source) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new InputException(source + ": '" + key + "' must be a whole number, got '" + n.asText() + "'");
        }
        long v = n.asLong();
        if (!key.equals("seed") && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new InputException(source + ": '" + key + "' is out of range: " + v);
        }
        return v;
    }

    private static boolean bool(ObjectNode obj, String key, boolean fallback, String source) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw new InputException(source + ": '" + key + "' must be true or false, got '" + n.asText() + "'");
        }
        return n.asBoolean();
    }

    private static List<String> strings(JsonNode n, String field, String source) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new InputException(source + ": '" + field + "' must be a list, got " + n.getNodeType());
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw new InputException(source + ": '" + field + "' entries must be text, got " + e);
            }
            out.add(e.asText());
        }
        return out;
    }
}
