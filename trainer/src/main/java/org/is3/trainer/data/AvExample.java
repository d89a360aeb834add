package org.is3.trainer.data;

import java.awt.image.BufferedImage;
import org.is3.core.audio.Waveform;

/**
 * One audio-visual example before preprocessing: the frame, the clip (16 kHz mono) and its sample id
 * as the benchmark names it.
 */
public record AvExample(String id, BufferedImage image, Waveform audio) {
}
