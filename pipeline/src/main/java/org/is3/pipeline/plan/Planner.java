package org.is3.pipeline.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.is3.core.InputException;

/**
 * Turns a run config into the images to generate (issue 4, Plan). Every unordered pair of distinct
 * categories not excluded is shuffled with the run seed; each pair then gets {@code imagesPerPair}
 * images, its templates taken in turn from a seeded offset (so a pair sees different templates
 * before any repeats), which category fills {@code {c1}} drawn per image, and a seed per image.
 * {@code limit} cuts this sequence, so a limited plan is a prefix of the unlimited one. The n-th
 * image is named {@code <c1>_<c2>_<n>}, unique within the run.
 */
public final class Planner {

    /** Decorrelates the per-image draws from the pair shuffle, which uses the seed itself. */
    private static final long IMAGE_STREAM = 0x5DEECE66DL;

    private Planner() {
    }

    public static List<PlannedImage> plan(RunConfig config) {
        List<Category> categories = config.categories().load(config.seed());
        List<Category[]> pairs = pairs(config, categories);
        shuffle(pairs, new SplittableRandom(config.seed()));
        SplittableRandom rng = new SplittableRandom(config.seed() ^ IMAGE_STREAM);
        List<String> templates = config.templates();
        List<PlannedImage> out = new ArrayList<>();
        for (Category[] pair : pairs) {
            int offset = rng.nextInt(templates.size());
            for (int k = 0; k < config.imagesPerPair(); k++) {
                if (out.size() == config.limit()) {
                    return out;
                }
                boolean swap = rng.nextBoolean();
                Category c1 = swap ? pair[1] : pair[0];
                Category c2 = swap ? pair[0] : pair[1];
                String prompt = templates.get((offset + k) % templates.size())
                        .replace("{c1}", c1.label()).replace("{c2}", c2.label());
                String base = c1.token() + "_" + c2.token() + "_" + out.size();
                out.add(new PlannedImage(base, c1.token(), c2.token(), prompt, rng.nextLong()));
            }
        }
        return out;
    }

    private static List<Category[]> pairs(RunConfig config, List<Category> categories) {
        for (String name : config.excludeCategories()) {
            find(categories, name, "exclude.categories");
        }
        for (List<String> p : config.excludePairs()) {
            find(categories, p.get(0), "exclude.pairs");
            find(categories, p.get(1), "exclude.pairs");
        }
        List<Category> kept = categories.stream()
                .filter(c -> config.excludeCategories().stream().noneMatch(c::isNamed))
                .toList();
        List<Category[]> pairs = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            for (int j = i + 1; j < kept.size(); j++) {
                if (!excluded(config, kept.get(i), kept.get(j))) {
                    pairs.add(new Category[] {kept.get(i), kept.get(j)});
                }
            }
        }
        if (pairs.isEmpty()) {
            throw new InputException("run " + config.name() + ": the exclusions leave no category pair to plan");
        }
        return pairs;
    }

    private static boolean excluded(RunConfig config, Category a, Category b) {
        for (List<String> p : config.excludePairs()) {
            if (a.isNamed(p.get(0)) && b.isNamed(p.get(1)) || a.isNamed(p.get(1)) && b.isNamed(p.get(0))) {
                return true;
            }
        }
        return false;
    }

    private static void find(List<Category> categories, String name, String field) {
        if (categories.stream().noneMatch(c -> c.isNamed(name))) {
            throw new InputException(field + ": '" + name + "' is not a category of the run (by label or token)");
        }
    }

    private static void shuffle(List<Category[]> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Category[] tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
