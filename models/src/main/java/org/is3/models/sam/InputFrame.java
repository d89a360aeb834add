package org.is3.models.sam;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * How an original image maps into the encoder's square input: SAM resizes the longest side to the
 * input size keeping the aspect ratio ({@code round(side·S/longest)}) and pads bottom/right; SAM2
 * stretches to the square. Prompts are scaled the same way, and masks are mapped back by bilinear
 * upsampling to the input square, cropping the padding, and upsampling to the original size.
 */
record InputFrame(int width, int height, int resizedWidth, int resizedHeight, int inputSize) {

    static InputFrame of(int width, int height, SamModelConfig config) {
        int s = config.inputSize();
        if (!config.longestSide()) {
            return new InputFrame(width, height, s, s, s);
        }
        double scale = (double) s / Math.max(width, height);
        return new InputFrame(width, height, (int) (width * scale + 0.5), (int) (height * scale + 0.5), s);
    }

    double inputX(double x) {
        return x * resizedWidth / width;
    }

    double inputY(double y) {
        return y * resizedHeight / height;
    }

    /**
     * The encoder input {@code [3, S, S]}: the resized image (Java2D bilinear; SAM uses PIL's, so
     * pixels may differ by a level), normalised per channel, zero beyond the resized area.
     */
    float[] encoderInput(BufferedImage image, SamModelConfig config) {
        BufferedImage resized = new BufferedImage(resizedWidth, resizedHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, resizedWidth, resizedHeight, null);
        g.dispose();
        int s = inputSize;
        float[] out = new float[3 * s * s];
        int[] rgb = resized.getRGB(0, 0, resizedWidth, resizedHeight, null, 0, resizedWidth);
        double[] mean = config.pixelMean();
        double[] std = config.pixelStd();
        for (int y = 0; y < resizedHeight; y++) {
            for (int x = 0; x < resizedWidth; x++) {
                int p = rgb[y * resizedWidth + x];
                int o = y * s + x;
                out[o] = (float) ((((p >> 16) & 255) - mean[0]) / std[0]);
                out[s * s + o] = (float) ((((p >> 8) & 255) - mean[1]) / std[1]);
                out[2 * s * s + o] = (float) (((p & 255) - mean[2]) / std[2]);
            }
        }
        return out;
    }

    /** Low-res logits ({@code low²}) → logits at the original size. */
    float[] upscale(float[] lowRes, int low) {
        float[] square = Bilinear.resize(lowRes, low, low, inputSize, inputSize);
        float[] cropped = Bilinear.crop(square, inputSize, resizedWidth, resizedHeight);
        return Bilinear.resize(cropped, resizedWidth, resizedHeight, width, height);
    }
}
