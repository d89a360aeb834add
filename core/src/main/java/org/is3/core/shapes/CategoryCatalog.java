package org.is3.core.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the categories of a shapes world. Glyphs are spread out: first glyphs that share no
 * attribute with any already chosen, then at most one, then any unused combination, so small worlds
 * differ in every attribute. Pitches sit on distinct semitones from A2 (110 Hz), so categories stay
 * separable by their dominant frequency after the ±20-cent variation of {@link SoundSignature}.
 */
final class CategoryCatalog {

    static final int MAX_CATEGORIES = 64;
    private static final double LOWEST_PITCH_HZ = 110.0;
    private static final int HARMONICS = 6;
    private static final int STEPS = 8;

    private CategoryCatalog() {
    }

    static List<ShapeCategory> draw(int n, long seed) {
        if (n < 1 || n > MAX_CATEGORIES) {
            throw new IllegalArgumentException("category count " + n + " must be in 1.." + MAX_CATEGORIES);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Glyph> glyphs = spreadGlyphs(n, shuffledCombinations(rng));
        int[] pitchSlots = permutation(MAX_CATEGORIES, rng);
        List<ShapeCategory> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Glyph g = glyphs.get(i);
            out.add(new ShapeCategory(ShapeCategory.nameOf(g), g, sound(pitchSlots[i], rng)));
        }
        return List.copyOf(out);
    }

    private static List<Glyph> shuffledCombinations(SplittableRandom rng) {
        List<Glyph> all = new ArrayList<>();
        for (ShapeKind s : ShapeKind.values()) {
            for (GlyphColour c : GlyphColour.values()) {
                for (Texture t : Texture.values()) {
                    all.add(new Glyph(s, c, t));
                }
            }
        }
        for (int i = all.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Glyph tmp = all.get(i);
            all.set(i, all.get(j));
            all.set(j, tmp);
        }
        return all;
    }

    private static List<Glyph> spreadGlyphs(int n, List<Glyph> candidates) {
        List<Glyph> chosen = new ArrayList<>(n);
        for (int allowedShared = 0; allowedShared <= 2 && chosen.size() < n; allowedShared++) {
            for (Glyph g : candidates) {
                if (chosen.size() == n) {
                    break;
                }
                if (!chosen.contains(g) && maxShared(g, chosen) <= allowedShared) {
                    chosen.add(g);
                }
            }
        }
        return chosen;
    }

    private static int maxShared(Glyph g, List<Glyph> chosen) {
        int max = 0;
        for (Glyph c : chosen) {
            max = Math.max(max, g.sharedAttributes(c));
        }
        return max;
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    private static SoundProfile sound(int semitone, SplittableRandom rng) {
        double pitch = LOWEST_PITCH_HZ * Math.pow(2, semitone / 12.0);
        List<Double> harmonics = new ArrayList<>(HARMONICS);
        harmonics.add(1.0);
        for (int k = 1; k < HARMONICS; k++) {
            harmonics.add(round3(rng.nextDouble(0.0, 0.55)));
        }
        StringBuilder rhythm = new StringBuilder("x");
        int sounding = 1;
        for (int i = 1; i < STEPS; i++) {
            // At least half of the bar sounds, so every clip carries its pitch.
            boolean on = rng.nextBoolean() || sounding + (STEPS - i) <= STEPS / 2;
            rhythm.append(on ? 'x' : '.');
            sounding += on ? 1 : 0;
        }
        return new SoundProfile(pitch, harmonics, rhythm.toString(), round3(rng.nextDouble(0.08, 0.2)));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
