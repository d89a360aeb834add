package org.is3.models.sd;

import java.awt.image.BufferedImage;

/**
 * The VAE decoder's output ({@code [3, H, W]}, about [-1, 1]) as an RGB image the way diffusers'
 * {@code numpy_to_pil} makes it: {@code round(clamp(x/2 + 0.5, 0, 1) · 255)}, numpy rounding (half to even).
 */
public final class VaeImages {

    private VaeImages() {
    }

    /** Image {@code k} of a {@code [B, 3, height, width]} float array. */
    public static BufferedImage toImage(float[] chw, int k, int width, int height) {
        int plane = width * height;
        int base = k * 3 * plane;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[plane];
        for (int p = 0; p < plane; p++) {
            int r = level(chw[base + p]);
            int g = level(chw[base + plane + p]);
            int b = level(chw[base + 2 * plane + p]);
            rgb[p] = (r << 16) | (g << 8) | b;
        }
        img.setRGB(0, 0, width, height, rgb, 0, width);
        return img;
    }

    static int level(float x) {
        double v = x / 2.0 + 0.5;
        if (!(v > 0)) {
            return 0;
        }
        return (int) Math.rint(Math.min(v, 1.0) * 255.0);
    }
}
