package org.is3.core.shapes;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Rasterizes one placed glyph. The coverage is Java2D's aliased fill of the transformed outline
 * (a pixel is covered when its centre is inside, by Java2D's fill rule); the image and the masks are
 * both built from this one coverage, which is what makes the masks exact. There is no antialiasing:
 * every covered pixel takes one of the glyph's two palette colours, every other pixel keeps what
 * lies beneath.
 */
final class GlyphPainter {

    private GlyphPainter() {
    }

    /** Row-major coverage of the glyph at image resolution. */
    static boolean[] coverage(ShapeKind kind, Placement p, int width, int height) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
            g.setColor(Color.WHITE);
            g.fill(transform(p).createTransformedShape(kind.outline()));
        } finally {
            g.dispose();
        }
        byte[] data = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        boolean[] covered = new boolean[width * height];
        for (int i = 0; i < covered.length; i++) {
            covered[i] = data[i] != 0;
        }
        return covered;
    }

    /**
     * Writes the glyph's texture colours into {@code rgb} at every covered pixel. The texture is
     * evaluated at the pixel centre in glyph units, so it turns with the glyph.
     */
    static void shade(Texture texture, Placement p, boolean[] covered, int[] rgb, int width) {
        double[] m = new double[6];
        try {
            transform(p).createInverse().getMatrix(m);
        } catch (NoninvertibleTransformException e) {
            throw new IllegalArgumentException("glyph size must be positive, got " + p.size(), e);
        }
        double cos = Math.cos(Math.toRadians(p.textureDegrees()));
        double sin = Math.sin(Math.toRadians(p.textureDegrees()));
        for (int i = 0; i < covered.length; i++) {
            if (!covered[i]) {
                continue;
            }
            double x = i % width + 0.5;
            double y = i / width + 0.5;
            double gu = m[0] * x + m[2] * y + m[4];
            double gv = m[1] * x + m[3] * y + m[5];
            double u = cos * gu + sin * gv;
            double v = -sin * gu + cos * gv;
            rgb[i] = texture.contrastAt(u, v, p.texturePeriod()) ? p.contrastColour() : p.colour();
        }
    }

    private static AffineTransform transform(Placement p) {
        AffineTransform t = new AffineTransform();
        t.translate(p.centerX(), p.centerY());
        t.rotate(Math.toRadians(p.rotationDegrees()));
        t.scale(p.size() / 2, p.size() / 2);
        return t;
    }
}
