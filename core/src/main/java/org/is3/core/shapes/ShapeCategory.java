package org.is3.core.shapes;

import java.util.regex.Pattern;

/**
 * A category of the shapes world: a name such as {@code red-star-striped}, the glyph that shows it
 * and the sound it makes. Names never contain {@code _}, because IS3 instance names are split on the
 * last underscore (datasets.md, "Naming").
 */
public record ShapeCategory(String name, Glyph glyph, SoundProfile sound) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ShapeCategory {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("category name '" + name
                    + "' must be lower-case words joined by '-' (no '_', no spaces)");
        }
    }

    /** The IS3-style name of a glyph: colour, shape, texture. */
    public static String nameOf(Glyph glyph) {
        return glyph.colour().word() + "-" + glyph.shape().word() + "-" + glyph.texture().word();
    }
}
