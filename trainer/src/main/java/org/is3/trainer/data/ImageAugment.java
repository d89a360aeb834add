package org.is3.trainer.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * The SimCLR-style visual augmentation of v_aug ({@link AugmentSpec}): random resized crop, flip,
 * colour jitter (brightness, contrast, saturation, hue in random order of application fixed here),
 * grayscale, Gaussian blur. Returns the normalised 3×S×S tensor.
 */
public final class ImageAugment {

    private ImageAugment() {
    }

    public static float[] view(BufferedImage image, int size, AugmentSpec spec, SplittableRandom rng) {
        BufferedImage crop = randomResizedCrop(image, size, spec, rng);
        float[] x = ImageInput.rgb(crop);
        int plane = size * size;
        if (spec.flip() && rng.nextBoolean()) {
            flip(x, size);
        }
        if (spec.jitter() > 0 && rng.nextDouble() < 0.8) {
            jitter(x, plane, spec, rng);
        }
        if (rng.nextDouble() < spec.grayscale()) {
            gray(x, plane, 1.0);
        }
        if (rng.nextDouble() < spec.blur()) {
            blur(x, size, rng.nextDouble(0.1, 2.0) * size / 224.0);
        }
        return ImageInput.normalise(x, size);
    }

    private static BufferedImage randomResizedCrop(BufferedImage img, int size, AugmentSpec spec, SplittableRandom rng) {
        int w = img.getWidth();
        int h = img.getHeight();
        int cw = w;
        int ch = h;
        for (int attempt = 0; attempt < 10; attempt++) {
            double area = w * h * rng.nextDouble(spec.minCropScale(), 1.0);
            double ratio = Math.exp(rng.nextDouble(Math.log(3.0 / 4), Math.log(4.0 / 3)));
            int tw = (int) Math.round(Math.sqrt(area * ratio));
            int th = (int) Math.round(Math.sqrt(area / ratio));
            if (tw > 0 && th > 0 && tw <= w && th <= h) {
                cw = tw;
                ch = th;
                break;
            }
        }
        int x0 = rng.nextInt(w - cw + 1);
        int y0 = rng.nextInt(h - ch + 1);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, size, size, x0, y0, x0 + cw, y0 + ch, null);
        g.dispose();
        return out;
    }

    private static void flip(float[] x, int size) {
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < size; r++) {
                int row = c * size * size + r * size;
                for (int i = 0, j = size - 1; i < j; i++, j--) {
                    float t = x[row + i];
                    x[row + i] = x[row + j];
                    x[row + j] = t;
                }
            }
        }
    }

    private static void jitter(float[] x, int plane, AugmentSpec spec, SplittableRandom rng) {
        double s = spec.jitter();
        double brightness = rng.nextDouble(Math.max(0, 1 - s), 1 + s);
        double contrast = rng.nextDouble(Math.max(0, 1 - s), 1 + s);
        double saturation = rng.nextDouble(Math.max(0, 1 - s), 1 + s);
        double hue = spec.hue() > 0 ? rng.nextDouble(-spec.hue(), spec.hue()) : 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = clamp((float) (x[i] * brightness));
        }
        double mean = 0;
        for (int i = 0; i < plane; i++) {
            mean += 0.299 * x[i] + 0.587 * x[plane + i] + 0.114 * x[2 * plane + i];
        }
        mean /= plane;
        for (int i = 0; i < x.length; i++) {
            x[i] = clamp((float) (mean + (x[i] - mean) * contrast));
        }
        gray(x, plane, 1 - saturation);
        if (hue != 0) {
            float[] hsb = new float[3];
            for (int i = 0; i < plane; i++) {
                Color.RGBtoHSB((int) (x[i] * 255), (int) (x[plane + i] * 255), (int) (x[2 * plane + i] * 255), hsb);
                int rgb = Color.HSBtoRGB(hsb[0] + (float) hue, hsb[1], hsb[2]);
                x[i] = (rgb >> 16 & 0xFF) / 255f;
                x[plane + i] = (rgb >> 8 & 0xFF) / 255f;
                x[2 * plane + i] = (rgb & 0xFF) / 255f;
            }
        }
    }

    /** Blends each pixel toward its luma by {@code amount} (1 = grey, negative = more saturated). */
    private static void gray(float[] x, int plane, double amount) {
        for (int i = 0; i < plane; i++) {
            float l = 0.299f * x[i] + 0.587f * x[plane + i] + 0.114f * x[2 * plane + i];
            for (int c = 0; c < 3; c++) {
                x[c * plane + i] = clamp((float) (x[c * plane + i] + (l - x[c * plane + i]) * amount));
            }
        }
    }

    private static void blur(float[] x, int size, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(2 * sigma));
        float[] k = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[size * size];
        for (int c = 0; c < 3; c++) {
            int off = c * size * size;
            for (int r = 0; r < size; r++) {
                for (int col = 0; col < size; col++) {
                    float v = 0;
                    for (int d = -radius; d <= radius; d++) {
                        int cc = Math.min(size - 1, Math.max(0, col + d));
                        v += k[d + radius] * x[off + r * size + cc];
                    }
                    tmp[r * size + col] = v;
                }
            }
            for (int r = 0; r < size; r++) {
                for (int col = 0; col < size; col++) {
                    float v = 0;
                    for (int d = -radius; d <= radius; d++) {
                        int rr = Math.min(size - 1, Math.max(0, r + d));
                        v += k[d + radius] * tmp[rr * size + col];
                    }
                    x[off + r * size + col] = v;
                }
            }
        }
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
