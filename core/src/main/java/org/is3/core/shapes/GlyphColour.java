package org.is3.core.shapes;

/** The base colours of glyphs: saturated, far apart in hue or brightness. */
public enum GlyphColour {
    RED("red", 0xD62828),
    ORANGE("orange", 0xF77F00),
    YELLOW("yellow", 0xF5D000),
    GREEN("green", 0x2A9D3F),
    TEAL("teal", 0x00A6A6),
    BLUE("blue", 0x1D4ED8),
    PURPLE("purple", 0x7B2CBF),
    PINK("pink", 0xF472B6),
    BROWN("brown", 0x8B4513),
    BLACK("black", 0x1A1A1A);

    private final String word;
    private final int rgb;

    GlyphColour(String word, int rgb) {
        this.word = word;
        this.rgb = rgb;
    }

    public String word() {
        return word;
    }

    /** 0xRRGGBB. */
    public int rgb() {
        return rgb;
    }
}
