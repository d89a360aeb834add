package org.is3.core.shapes;

import java.awt.Color;
import java.util.SplittableRandom;

/**
 * Renders two-object scenes of the shapes world. All choices are drawn from one seeded
 * {@link SplittableRandom} into a {@link SceneSpec}; {@link #paint(SceneSpec)} is a pure function of
 * the spec. Glyphs are 15–45 % of the shorter side, anywhere inside the image, at any rotation; they
 * may overlap, the one drawn last occluding the other. Placements are redrawn until each object shows
 * at least half of its own glyph and {@link #MIN_VISIBLE_FRACTION} of the image.
 *
 * <p>Mask rule: the image is painted without antialiasing, and style effects (grain, blur) touch the
 * background only, so the mask of an object is exactly the set of pixels whose colour came from its
 * glyph, and every such pixel has one of the glyph's two palette colours.
 */
public final class SceneGenerator {

    /** Smallest share of the image an object's visible pixels may cover. */
    public static final double MIN_VISIBLE_FRACTION = 0.002;
    private static final double MIN_VISIBLE_OF_OWN = 0.5;
    private static final int MAX_ATTEMPTS = 200;
    /** How far past ±1 a rotated outline reaches (the square's corner), so glyphs stay inside. */
    private static final double OUTLINE_REACH = 1.15;

    private SceneGenerator() {
    }

    public static Scene render(ShapeCategory a, ShapeCategory b, long seed, int width, int height) {
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("scene size must be at least 16×16, got " + width + "×" + height);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Background bg = background(rng);
        boolean bOnTop = rng.nextBoolean();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Placement pa = placement(a, rng, width, height);
            Placement pb = placement(b, rng, width, height);
            Scene scene = paint(new SceneSpec(a, b, seed, width, height, attempt, bg, pa, pb, bOnTop));
            if (visibleEnough(scene.a(), width, height) && visibleEnough(scene.b(), width, height)) {
                return scene;
            }
        }
        throw new IllegalStateException("no placement of " + a.name() + " and " + b.name() + " with seed "
                + seed + " left both visible in " + MAX_ATTEMPTS + " attempts at " + width + "×" + height);
    }

    /** The scene a spec describes; the same spec always gives the same pixels and masks. */
    public static Scene paint(SceneSpec spec) {
        int w = spec.width();
        int h = spec.height();
        int[] rgb = BackgroundPainter.paint(spec.background(), w, h);
        boolean[] covA = GlyphPainter.coverage(spec.a().glyph().shape(), spec.placementA(), w, h);
        boolean[] covB = GlyphPainter.coverage(spec.b().glyph().shape(), spec.placementB(), w, h);
        if (spec.bOnTop()) {
            GlyphPainter.shade(spec.a().glyph().texture(), spec.placementA(), covA, rgb, w);
            GlyphPainter.shade(spec.b().glyph().texture(), spec.placementB(), covB, rgb, w);
        } else {
            GlyphPainter.shade(spec.b().glyph().texture(), spec.placementB(), covB, rgb, w);
            GlyphPainter.shade(spec.a().glyph().texture(), spec.placementA(), covA, rgb, w);
        }
        boolean[] top = spec.bOnTop() ? covB : covA;
        boolean[] under = spec.bOnTop() ? covA : covB;
        int fullUnder = count(under);
        for (int i = 0; i < under.length; i++) {
            under[i] &= !top[i];
        }
        SceneObject a = object(spec.a(), covA, w, h, spec.bOnTop() ? fullUnder : count(covA));
        SceneObject b = object(spec.b(), covB, w, h, spec.bOnTop() ? count(covB) : fullUnder);
        return new Scene(spec, rgb, a, b);
    }

    private static SceneObject object(ShapeCategory c, boolean[] mask, int w, int h, int fullArea) {
        return new SceneObject(c, mask, w, h, MaskBox.of(mask, w), count(mask), fullArea);
    }

    private static boolean visibleEnough(SceneObject o, int width, int height) {
        return o.visibleArea() >= MIN_VISIBLE_FRACTION * width * height
                && o.visibleArea() >= MIN_VISIBLE_OF_OWN * o.fullArea();
    }

    private static Background background(SplittableRandom rng) {
        Background.Kind kind = Background.Kind.values()[rng.nextInt(Background.Kind.values().length)];
        int c0 = muted(rng);
        int c1 = muted(rng);
        double angle = Math.round(rng.nextDouble(0, 360) * 100) / 100.0;
        long noiseSeed = rng.nextLong();
        int cell = 32 << rng.nextInt(4);
        int grain = rng.nextBoolean() ? rng.nextInt(3, 13) : 0;
        int blur = rng.nextBoolean() ? rng.nextInt(1, 4) : 0;
        return new Background(kind, c0, c1, angle, noiseSeed, cell, grain, blur);
    }

    /** Low saturation, so the saturated glyph colours stand out. */
    private static int muted(SplittableRandom rng) {
        float hue = (float) rng.nextDouble();
        float sat = (float) rng.nextDouble(0.05, 0.35);
        float bri = (float) rng.nextDouble(0.35, 0.95);
        return Color.HSBtoRGB(hue, sat, bri) & 0xFFFFFF;
    }

    private static Placement placement(ShapeCategory c, SplittableRandom rng, int width, int height) {
        int side = Math.min(width, height);
        double size = side * rng.nextDouble(0.15, 0.45);
        double reach = size / 2 * OUTLINE_REACH;
        double cx = rng.nextDouble(reach, width - reach);
        double cy = rng.nextDouble(reach, height - reach);
        double rotation = rng.nextDouble(0, 360);
        double textureDegrees = rng.nextDouble(0, 180);
        double period = rng.nextDouble(0.25, 0.45);
        double hueJitter = rng.nextDouble(-0.02, 0.02);
        double briJitter = rng.nextDouble(0.92, 1.05);
        int colour = jitter(c.glyph().colour().rgb(), hueJitter, briJitter);
        int contrast = c.glyph().texture() == Texture.SOLID ? colour : contrastOf(colour);
        return new Placement(cx, cy, size, rotation, textureDegrees, period, hueJitter, colour, contrast);
    }

    private static int jitter(int rgb, double hueShift, double brightnessScale) {
        float[] hsb = Color.RGBtoHSB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, null);
        float bri = (float) Math.min(1.0, hsb[2] * brightnessScale);
        return Color.HSBtoRGB(hsb[0] + (float) hueShift, hsb[1], bri) & 0xFFFFFF;
    }

    /** Dark for light colours, light for dark ones, same hue. */
    private static int contrastOf(int rgb) {
        float[] hsb = Color.RGBtoHSB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, null);
        return hsb[2] > 0.6f
                ? Color.HSBtoRGB(hsb[0], hsb[1] * 0.9f, hsb[2] * 0.4f) & 0xFFFFFF
                : Color.HSBtoRGB(hsb[0], hsb[1] * 0.3f, 0.95f) & 0xFFFFFF;
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean m : mask) {
            n += m ? 1 : 0;
        }
        return n;
    }
}
