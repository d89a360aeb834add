package org.is3.core.shapes;

/**
 * The fill pattern of a glyph. Every textured pixel takes exactly one of two palette colours
 * (the glyph's colour or its contrast colour), so a glyph pixel is recognisable by its colour.
 */
public enum Texture {
    SOLID("solid"),
    STRIPED("striped"),
    DOTTED("dotted"),
    CHECKERED("checkered"),
    WAVY("wavy");

    private final String word;

    Texture(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /**
     * Whether the point (u, v) of a glyph, in glyph units already rotated into the texture's frame,
     * takes the contrast colour; {@code period} is the pattern's period in glyph units.
     */
    boolean contrastAt(double u, double v, double period) {
        return switch (this) {
            case SOLID -> false;
            case STRIPED -> Math.floorMod((long) Math.floor(u / period), 2) == 1;
            case CHECKERED -> Math.floorMod((long) Math.floor(u / period) + (long) Math.floor(v / period), 2) == 1;
            case DOTTED -> {
                double du = u / period - Math.floor(u / period) - 0.5;
                double dv = v / period - Math.floor(v / period) - 0.5;
                yield du * du + dv * dv < 0.3 * 0.3;
            }
            case WAVY -> {
                double shifted = u + 0.35 * period * Math.sin(Math.PI * v / period);
                yield Math.floorMod((long) Math.floor(shifted / period), 2) == 1;
            }
        };
    }
}
