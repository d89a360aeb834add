package org.is3.trainer.model;

import org.is3.core.audio.SpectrogramPreset;

/**
 * The shape of the model and of its inputs; stored in every checkpoint so inference rebuilds the
 * same network.
 *
 * @param width          channel multiplier of both ResNet-18 encoders (1.0 = the paper's model)
 * @param projectionDim  output size of the projection heads pv and pa used by sA
 * @param imageSize      side of the square RGB input (224 in the paper)
 * @param preset         which reference loader makes the log-spectrogram (datasets.md)
 * @param audioFrames    frames kept from the centre of the spectrogram; 0 keeps all of the preset's
 */
public record ModelSpec(double width, int projectionDim, int imageSize, SpectrogramPreset preset, int audioFrames) {

    public ModelSpec {
        if (!(width > 0) || width > 4) {
            throw new IllegalArgumentException("model width must be in (0, 4], got " + width);
        }
        if (projectionDim < 1) {
            throw new IllegalArgumentException("projection dim must be >= 1, got " + projectionDim);
        }
        if (imageSize < 32) {
            throw new IllegalArgumentException("image size must be >= 32, got " + imageSize);
        }
        if (audioFrames < 0 || audioFrames > preset.frames()) {
            throw new IllegalArgumentException("audio frames must be in 0.." + preset.frames() + " for "
                    + preset + ", got " + audioFrames);
        }
    }

    /** The paper's model: full-width ResNet-18s on 224×224 images and 257×299 SSL-Align spectrograms. */
    public static ModelSpec paper() {
        return new ModelSpec(1.0, 512, 224, SpectrogramPreset.SSL_ALIGN, 0);
    }

    /** Spectrogram frames the audio encoder sees. */
    public int frames() {
        return audioFrames == 0 ? preset.frames() : audioFrames;
    }

    /** Frequency bins of the spectrogram (257). */
    public int bins() {
        return preset.bins();
    }

    /** Side of the visual feature map (stride 32, each stride-2 layer rounding up). */
    public int mapSize() {
        int s = imageSize;
        for (int i = 0; i < 5; i++) {
            s = (s + 1) / 2;
        }
        return s;
    }
}
