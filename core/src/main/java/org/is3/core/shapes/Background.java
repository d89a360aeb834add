package org.is3.core.shapes;

/**
 * The background of a scene, every choice recorded. Colours are 0xRRGGBB and muted, so glyphs
 * stand out.
 *
 * @param kind          flat colour, linear gradient or smooth value noise
 * @param colour        the flat colour, or the first end of the gradient / noise range
 * @param otherColour   the second end of the gradient / noise range
 * @param angleDegrees  gradient direction
 * @param noiseSeed     seed of the noise lattice and the grain
 * @param noiseCell     noise lattice spacing in pixels
 * @param grain         per-pixel grain amplitude in 8-bit levels (0 = none)
 * @param blurRadius    box-blur radius in pixels (0 = sharp); the blur touches the background only
 */
public record Background(Kind kind, int colour, int otherColour, double angleDegrees, long noiseSeed,
                         int noiseCell, int grain, int blurRadius) {

    public enum Kind { FLAT, GRADIENT, NOISE }
}
