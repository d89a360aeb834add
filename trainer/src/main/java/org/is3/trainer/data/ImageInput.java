package org.is3.trainer.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Image → model input: resize to S×S (bicubic), RGB scaled to [0, 1], normalised with the ImageNet
 * mean and std (datasets.md, "Images"), laid out C×H×W.
 */
public final class ImageInput {

    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    private ImageInput() {
    }

    /** The normalised 3×S×S tensor of {@code image} resized to {@code size}. */
    public static float[] tensor(BufferedImage image, int size) {
        return normalise(rgb(resize(image, size)), size);
    }

    /** {@code image} scaled to size×size (bicubic), as TYPE_INT_RGB. */
    public static BufferedImage resize(BufferedImage image, int size) {
        if (image.getWidth() == size && image.getHeight() == size && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(image, 0, 0, size, size, null);
        g.dispose();
        return out;
    }

    /** Planar RGB in [0, 1]: 3×H×W. */
    public static float[] rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = image.getRGB(0, 0, w, h, null, 0, w);
        float[] out = new float[3 * w * h];
        for (int i = 0; i < px.length; i++) {
            out[i] = (px[i] >> 16 & 0xFF) / 255f;
            out[px.length + i] = (px[i] >> 8 & 0xFF) / 255f;
            out[2 * px.length + i] = (px[i] & 0xFF) / 255f;
        }
        return out;
    }

    /** In place: (x − mean) / std per channel of a planar 3×S×S array; returns it. */
    public static float[] normalise(float[] planar, int size) {
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                planar[c * plane + i] = (planar[c * plane + i] - MEAN[c]) / STD[c];
            }
        }
        return planar;
    }
}
