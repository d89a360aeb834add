package org.is3.pipeline.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.is3.core.InputException;

/**
 * A pipeline run as its YAML file describes it (see {@link RunConfigReader} for the keys).
 *
 * @param templates     prompt templates with {@code {c1}} and {@code {c2}}, no repeats
 * @param imagesPerPair images planned for each category pair
 * @param limit         most images in the run; {@link #NO_LIMIT} for all pairs
 * @param excludeCategories categories (label or token) that appear in no pair
 * @param excludePairs  unordered pairs (label or token) that are not planned
 * @param generator     name of the image generator ({@code shapes}, {@code sd}, …)
 * @param imageSize     side of the square images a generator that takes a size draws
 * @param generatorOptions settings only the chosen generator reads (e.g. {@code sd}'s model directory)
 * @param autoAnnotate  take the generator's exact masks and approve without people (shapes only);
 *                      marked as such in the release manifest
 * @param audio         where paired audio comes from
 * @param embedModelDir a SAM model directory: generated images go through the embed stage, which
 *                      caches their image embedding for the annotator's first click; null for none
 */
public record RunConfig(String name, long seed, CategorySource categories, List<String> templates,
                        int imagesPerPair, int limit, List<String> excludeCategories,
                        List<List<String>> excludePairs, String generator, int imageSize,
                        Map<String, String> generatorOptions, boolean autoAnnotate, AudioConfig audio,
                        Path embedModelDir) {

    /** The three prompt templates of the paper (datasets.md, IS3). */
    public static final List<String> PAPER_TEMPLATES = List.of(
            "a photo of a {c1} and {c2}", "{c1} is next to {c2}", "{c1} is playing a {c2}");
    public static final int NO_LIMIT = Integer.MAX_VALUE;
    public static final String DEFAULT_GENERATOR = "shapes";
    public static final int DEFAULT_IMAGE_SIZE = 512;
    /** Run names become directory names and database keys. */
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public RunConfig {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new InputException("run name '" + name + "' must match " + NAME_PATTERN);
        }
        if (categories == null) {
            throw new InputException("run " + name + ": categories are missing");
        }
        if (templates == null || templates.isEmpty()) {
            throw new InputException("run " + name + ": no prompt templates");
        }
        for (String t : templates) {
            checkTemplate(t);
        }
        if (templates.stream().distinct().count() != templates.size()) {
            throw new InputException("run " + name + ": templates repeat: " + templates);
        }
        if (imagesPerPair < 1) {
            throw new InputException("images_per_pair must be at least 1, got " + imagesPerPair);
        }
        if (limit < 1) {
            throw new InputException("limit must be at least 1 (leave it out for no limit), got " + limit);
        }
        if (generator == null || generator.isBlank()) {
            throw new InputException("generator must not be blank");
        }
        if (imageSize < 16 || imageSize > 4096) {
            throw new InputException("image_size must be in 16..4096, got " + imageSize);
        }
        if (audio == null) {
            throw new InputException("run " + name + ": audio is missing");
        }
        embedModelDir = embedModelDir == null ? null : embedModelDir.toAbsolutePath().normalize();
        generatorOptions = generatorOptions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(generatorOptions));
        templates = List.copyOf(templates);
        excludeCategories = List.copyOf(excludeCategories);
        excludePairs = excludePairs.stream().map(List::copyOf).toList();
        for (List<String> pair : excludePairs) {
            if (pair.size() != 2) {
                throw new InputException("exclude.pairs: each pair needs exactly 2 categories, got " + pair);
            }
        }
    }

    /** A run on {@code categories} with the paper's templates, one image per pair, no exclusions. */
    public static RunConfig of(String name, long seed, CategorySource categories) {
        return new RunConfig(name, seed, categories, PAPER_TEMPLATES, 1, NO_LIMIT, List.of(), List.of(),
                DEFAULT_GENERATOR, DEFAULT_IMAGE_SIZE, Map.of(), false, AudioConfig.shapes(), null);
    }

    public RunConfig withLimit(int value) {
        return new RunConfig(name, seed, categories, templates, imagesPerPair, value, excludeCategories,
                excludePairs, generator, imageSize, generatorOptions, autoAnnotate, audio, embedModelDir);
    }

    public RunConfig withGenerator(String value) {
        return new RunConfig(name, seed, categories, templates, imagesPerPair, limit, excludeCategories,
                excludePairs, value, imageSize, generatorOptions, autoAnnotate, audio, embedModelDir);
    }

    public RunConfig withImageSize(int value) {
        return new RunConfig(name, seed, categories, templates, imagesPerPair, limit, excludeCategories,
                excludePairs, generator, value, generatorOptions, autoAnnotate, audio, embedModelDir);
    }

    public RunConfig withAutoAnnotate(boolean value) {
        return new RunConfig(name, seed, categories, templates, imagesPerPair, limit, excludeCategories,
                excludePairs, generator, imageSize, generatorOptions, value, audio, embedModelDir);
    }

    public RunConfig withAudio(AudioConfig value) {
        return new RunConfig(name, seed, categories, templates, imagesPerPair, limit, excludeCategories,
                excludePairs, generator, imageSize, generatorOptions, autoAnnotate, value, embedModelDir);
    }

    public RunConfig withGeneratorOptions(Map<String, String> value) {
        return new RunConfig(name, seed, categories, templates, imagesPerPair, limit, excludeCategories,
                excludePairs, generator, imageSize, value, autoAnnotate, audio, embedModelDir);
    }

    public RunConfig withEmbedModelDir(Path value) {
        return new RunConfig(name, seed, categories, templates, imagesPerPair, limit, excludeCategories,
                excludePairs, generator, imageSize, generatorOptions, autoAnnotate, audio, value);
    }

    private static void checkTemplate(String t) {
        if (t == null || !t.contains("{c1}") || !t.contains("{c2}")) {
            throw new InputException("template '" + t + "' must contain both {c1} and {c2}");
        }
        String rest = t.replace("{c1}", "").replace("{c2}", "");
        if (rest.contains("{") || rest.contains("}")) {
            throw new InputException("template '" + t + "' has a placeholder other than {c1} and {c2}");
        }
    }
}
