package org.is3.models.media;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.is3.core.InputException;
import org.is3.core.audio.Waveform;

/**
 * Decodes media files of a VGGSound-style mirror (mp4, mkv, flac, wav, …) with FFmpeg through
 * JavaCV: the audio track resampled to mono float at a given rate, and single video frames.
 * A file FFmpeg cannot open, or one without the wanted stream, is an {@link InputException}
 * naming the file.
 */
public final class ClipDecoder {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegLogCallback.setLevel(avutil.AV_LOG_ERROR);
    }

    private ClipDecoder() {
    }

    /** The whole audio track of {@code file}, mixed to mono and resampled to {@code sampleRate}. */
    public static Waveform audio(Path file, int sampleRate) {
        return audio(file, sampleRate, 0, Double.POSITIVE_INFINITY);
    }

    /**
     * {@code seconds} of audio starting at {@code startSeconds} (clamped to the track), mono at
     * {@code sampleRate}. Fewer samples come back when the track ends earlier.
     */
    public static Waveform audio(Path file, int sampleRate, double startSeconds, double seconds) {
        requireFile(file);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleRate(sampleRate);
            grabber.setAudioChannels(1);
            grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
            grabber.start();
            if (grabber.getAudioStream() < 0) {
                throw new InputException(file + ": no audio stream");
            }
            if (startSeconds > 0) {
                grabber.setAudioTimestamp(Math.round(startSeconds * 1_000_000));
            }
            long wanted = Double.isInfinite(seconds) ? Long.MAX_VALUE : Math.round(seconds * sampleRate);
            return new Waveform(readSamples(grabber, wanted), sampleRate);
        } catch (FrameGrabber.Exception e) {
            throw new InputException(file + ": FFmpeg cannot decode it (" + e.getMessage() + ")", e);
        }
    }

    /** The video frame shown at {@code seconds} (the first frame at or after it), as RGB. */
    public static BufferedImage frame(Path file, double seconds) {
        requireFile(file);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            if (grabber.getVideoStream() < 0) {
                throw new InputException(file + ": no video stream");
            }
            if (seconds > 0) {
                grabber.setVideoTimestamp(Math.round(seconds * 1_000_000));
            }
            Frame frame = grabber.grabImage();
            if (frame == null) {
                throw new InputException(file + ": no video frame at " + seconds + " s");
            }
            return copy(converter.convert(frame));
        } catch (FrameGrabber.Exception e) {
            throw new InputException(file + ": FFmpeg cannot decode it (" + e.getMessage() + ")", e);
        }
    }

    private static float[] readSamples(FFmpegFrameGrabber grabber, long wanted)
            throws FrameGrabber.Exception {
        float[] out = new float[4096];
        int n = 0;
        Frame frame;
        while (n < wanted && (frame = grabber.grabSamples()) != null) {
            if (frame.samples == null) {
                continue;
            }
            FloatBuffer buf = (FloatBuffer) frame.samples[0];
            int take = (int) Math.min(buf.remaining(), wanted - n);
            if (n + take > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, n + take));
            }
            buf.get(out, n, take);
            n += take;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The converter reuses its buffer for the next frame; callers get their own copy. */
    private static BufferedImage copy(BufferedImage src) {
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(src, 0, 0, null);
        return rgb;
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such media file");
        }
    }
}
