package org.is3.core.shapes;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The outline of a glyph, in glyph units: centred on the origin and inside the square [−1, 1]²,
 * y pointing down as in the image. The scene scales, rotates and places it.
 */
public enum ShapeKind {
    CIRCLE("circle"),
    SQUARE("square"),
    TRIANGLE("triangle"),
    STAR("star"),
    RING("ring"),
    CROSS("cross"),
    HEXAGON("hexagon"),
    HEART("heart"),
    DIAMOND("diamond"),
    CRESCENT("crescent"),
    PENTAGON("pentagon"),
    ARROW("arrow");

    private final String word;

    ShapeKind(String word) {
        this.word = word;
    }

    /** The word used in category names. */
    public String word() {
        return word;
    }

    /** A fresh outline of this kind in glyph units. */
    public Shape outline() {
        return switch (this) {
            case CIRCLE -> new Ellipse2D.Double(-1, -1, 2, 2);
            case SQUARE -> new Rectangle2D.Double(-0.8, -0.8, 1.6, 1.6);
            case TRIANGLE -> regular(3, 1.0, 1.0);
            case STAR -> star(5, 1.0, 0.45);
            case RING -> ring();
            case CROSS -> cross(0.3);
            case HEXAGON -> regular(6, 1.0, 1.0);
            case HEART -> heart();
            case DIAMOND -> regular(4, 0.65, 1.0);
            case CRESCENT -> crescent();
            case PENTAGON -> regular(5, 1.0, 1.0);
            case ARROW -> arrow();
        };
    }

    /** Regular polygon with its first vertex straight up; {@code sx}, {@code sy} stretch it. */
    private static Shape regular(int corners, double sx, double sy) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < corners; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / corners;
            double x = sx * Math.cos(a);
            double y = sy * Math.sin(a);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }

    private static Shape star(int points, double outer, double inner) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < 2 * points; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + Math.PI * i / points;
            if (i == 0) {
                p.moveTo(r * Math.cos(a), r * Math.sin(a));
            } else {
                p.lineTo(r * Math.cos(a), r * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }

    private static Shape ring() {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        p.append(new Ellipse2D.Double(-1, -1, 2, 2), false);
        p.append(new Ellipse2D.Double(-0.55, -0.55, 1.1, 1.1), false);
        return p;
    }

    private static Shape cross(double half) {
        Area a = new Area(new Rectangle2D.Double(-1, -half, 2, 2 * half));
        a.add(new Area(new Rectangle2D.Double(-half, -1, 2 * half, 2)));
        return a;
    }

    private static Shape heart() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, 1);
        p.curveTo(-0.35, 0.7, -1, 0.3, -1, -0.3);
        p.curveTo(-1, -0.8, -0.45, -1.05, 0, -0.6);
        p.curveTo(0.45, -1.05, 1, -0.8, 1, -0.3);
        p.curveTo(1, 0.3, 0.35, 0.7, 0, 1);
        p.closePath();
        return p;
    }

    private static Shape crescent() {
        Area a = new Area(new Ellipse2D.Double(-1, -1, 2, 2));
        a.subtract(new Area(new Ellipse2D.Double(-0.55, -0.95, 1.8, 1.8)));
        return a;
    }

    private static Shape arrow() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(1, 0);
        p.lineTo(0.1, -0.9);
        p.lineTo(0.1, -0.35);
        p.lineTo(-1, -0.35);
        p.lineTo(-1, 0.35);
        p.lineTo(0.1, 0.35);
        p.lineTo(0.1, 0.9);
        p.closePath();
        return p;
    }
}
