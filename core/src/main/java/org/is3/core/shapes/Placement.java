package org.is3.core.shapes;

/**
 * Where and how one glyph is drawn, every choice recorded.
 *
 * @param centerX         centre column in pixels
 * @param centerY         centre row in pixels
 * @param size            side of the glyph's [−1, 1]² square in pixels
 * @param rotationDegrees rotation of the glyph about its centre
 * @param textureDegrees  rotation of the texture relative to the glyph
 * @param texturePeriod   texture period in glyph units (the glyph spans 2)
 * @param hueJitter       hue shift applied to the category colour, in turns
 * @param colour          the jittered glyph colour, 0xRRGGBB
 * @param contrastColour  the jittered texture contrast colour (equals {@code colour} when solid)
 */
public record Placement(double centerX, double centerY, double size, double rotationDegrees,
                        double textureDegrees, double texturePeriod, double hueJitter, int colour,
                        int contrastColour) {
}
