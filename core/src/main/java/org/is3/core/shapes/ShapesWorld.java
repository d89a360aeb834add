package org.is3.core.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The CPU "shapes world" (architecture.md, "Defaults where no GPU or weights exist"): a set of
 * categories, each with a glyph and a sound, and two-object scenes of them with exact masks. It makes
 * the IS3 loop runnable without Stable Diffusion; it never pretends to be IS3.
 */
public final class ShapesWorld {

    public static final int DEFAULT_SIZE = 1024;
    public static final int MAX_CATEGORIES = CategoryCatalog.MAX_CATEGORIES;

    private final List<ShapeCategory> categories;
    private final int width;
    private final int height;

    public ShapesWorld(List<ShapeCategory> categories, int width, int height) {
        if (categories.size() < 2) {
            throw new IllegalArgumentException("a shapes world needs at least 2 categories, got " + categories.size());
        }
        this.categories = List.copyOf(categories);
        this.width = width;
        this.height = height;
    }

    /** {@code n} categories drawn with {@code seed}, 1024×1024 scenes. */
    public static ShapesWorld of(int n, long seed) {
        return new ShapesWorld(categories(n, seed), DEFAULT_SIZE, DEFAULT_SIZE);
    }

    /** The same categories, scenes of another size. */
    public ShapesWorld withSize(int newWidth, int newHeight) {
        return new ShapesWorld(categories, newWidth, newHeight);
    }

    /**
     * {@code n} (1..64) distinct categories, the same for the same seed: distinct glyphs, spread over
     * the attributes, distinct pitches, names such as {@code red-star-striped}.
     */
    public static List<ShapeCategory> categories(int n, long seed) {
        return CategoryCatalog.draw(n, seed);
    }

    public List<ShapeCategory> categories() {
        return categories;
    }

    /**
     * Scene {@code index} of the world for {@code seed}. The unordered category pair is the
     * {@code index mod P}-th of the P pairs in a seeded order, so the first P scenes use every pair
     * once; within the pair, c1 is the category listed first. The scene seed mixes seed and index.
     */
    public WorldScene scene(int index, long seed) {
        if (index < 0) {
            throw new IllegalArgumentException("scene index must be >= 0, got " + index);
        }
        int[] pair = pairs(seed).get(index % pairCount());
        ShapeCategory c1 = categories.get(pair[0]);
        ShapeCategory c2 = categories.get(pair[1]);
        long sceneSeed = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1L))).nextLong();
        Scene scene = SceneGenerator.render(c1, c2, sceneSeed, width, height);
        return new WorldScene(c1.name() + "_" + c2.name() + "_" + index, index, sceneSeed, scene);
    }

    private int pairCount() {
        return categories.size() * (categories.size() - 1) / 2;
    }

    private List<int[]> pairs(long seed) {
        List<int[]> pairs = new ArrayList<>(pairCount());
        for (int i = 0; i < categories.size(); i++) {
            for (int j = i + 1; j < categories.size(); j++) {
                pairs.add(new int[] {i, j});
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = pairs.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int[] tmp = pairs.get(i);
            pairs.set(i, pairs.get(j));
            pairs.set(j, tmp);
        }
        return pairs;
    }
}
