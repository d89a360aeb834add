package org.is3.core.shapes;

/** What a category looks like: an outline, a colour and a fill pattern. */
public record Glyph(ShapeKind shape, GlyphColour colour, Texture texture) {

    /** How many of the three attributes this glyph shares with another. */
    int sharedAttributes(Glyph other) {
        return (shape == other.shape ? 1 : 0) + (colour == other.colour ? 1 : 0)
                + (texture == other.texture ? 1 : 0);
    }
}
