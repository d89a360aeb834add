package org.is3.core.shapes;

/**
 * Every random choice of a scene: {@link SceneGenerator#paint(SceneSpec)} turns it into the same
 * pixels and masks each time, and it goes into the release manifest as it is.
 *
 * @param a          first category of the pair
 * @param b          second category of the pair
 * @param seed       the seed the choices were drawn from
 * @param attempt    placements redrawn before both glyphs were visible enough (0 = first draw)
 * @param bOnTop     whether b is drawn after (and so occludes) a
 */
public record SceneSpec(ShapeCategory a, ShapeCategory b, long seed, int width, int height, int attempt,
                        Background background, Placement placementA, Placement placementB, boolean bOnTop) {
}
