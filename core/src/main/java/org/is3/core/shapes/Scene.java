package org.is3.core.shapes;

import java.awt.image.BufferedImage;

/** A rendered scene: its spec, its RGB pixels and its two objects. */
public record Scene(SceneSpec spec, int[] rgb, SceneObject a, SceneObject b) {

    public Scene {
        rgb = rgb.clone();
    }

    /** A copy of the pixels, row-major 0xRRGGBB. */
    @Override
    public int[] rgb() {
        return rgb.clone();
    }

    /** The colour of pixel (x, y), 0xRRGGBB. */
    public int rgbAt(int x, int y) {
        return rgb[y * spec.width() + x];
    }

    /** A fresh {@code TYPE_INT_RGB} image of the scene. */
    public BufferedImage image() {
        BufferedImage img = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_INT_RGB);
        img.getRaster().setDataElements(0, 0, spec.width(), spec.height(), rgb);
        return img;
    }
}
