package org.is3.models.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.is3.core.InputException;
import org.is3.core.audio.Wav;
import org.is3.core.audio.Waveform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipDecoderTest {

    @TempDir
    Path dir;

    @Test
    void audioIsResampledToMonoAtTheAskedRate() {
        Path wav = dir.resolve("tone.wav");
        Wav.write(wav, sine(440, 44_100, 2.0));
        Waveform clip = ClipDecoder.audio(wav, 16_000);
        assertEquals(16_000, clip.sampleRate());
        assertEquals(32_000, clip.length(), 200);
        assertEquals(440, dominantFrequency(clip), 5);
    }

    @Test
    void aWindowStartsAtItsOffsetAndHasItsLength() {
        Path wav = dir.resolve("tone.wav");
        Wav.write(wav, sine(1000, 16_000, 3.0));
        Waveform part = ClipDecoder.audio(wav, 16_000, 1.0, 1.5);
        assertEquals(24_000, part.length());
        Waveform tail = ClipDecoder.audio(wav, 16_000, 2.5, 10);
        assertEquals(8_000, tail.length(), 200);
    }

    @Test
    void videoFramesAndTheirAudioTrackDecode() throws Exception {
        Path mp4 = dir.resolve("clip.mp4");
        record(mp4);
        BufferedImage frame = ClipDecoder.frame(mp4, 0.5);
        assertEquals(64, frame.getWidth());
        assertEquals(48, frame.getHeight());
        int rgb = frame.getRGB(32, 24);
        assertTrue(((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) < 60, "red frame, got " + Integer.toHexString(rgb));
        Waveform audio = ClipDecoder.audio(mp4, 16_000);
        assertEquals(16_000, audio.length(), 2_000);
        assertEquals(440, dominantFrequency(audio), 30, "AAC priming and padding shift the length a little");
    }

    @Test
    void filesFFmpegCannotReadAreNamed() throws Exception {
        Path junk = dir.resolve("junk.mp4");
        Files.writeString(junk, "not a video");
        InputException e = assertThrows(InputException.class, () -> ClipDecoder.audio(junk, 16_000));
        assertTrue(e.getMessage().contains("junk.mp4"), e.getMessage());
        InputException missing = assertThrows(InputException.class,
                () -> ClipDecoder.frame(dir.resolve("absent.mp4"), 0));
        assertTrue(missing.getMessage().contains("absent.mp4"), missing.getMessage());
        Path wav = dir.resolve("tone.wav");
        Wav.write(wav, sine(440, 16_000, 0.5));
        InputException noVideo = assertThrows(InputException.class, () -> ClipDecoder.frame(wav, 0));
        assertTrue(noVideo.getMessage().contains("no video stream"), noVideo.getMessage());
    }

    private static void record(Path mp4) throws Exception {
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(mp4.toFile(), 64, 48, 1);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFrameRate(10);
            rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            rec.setSampleRate(16_000);
            rec.setAudioChannels(1);
            rec.start();
            BufferedImage red = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
            java.awt.Graphics g = red.getGraphics();
            g.setColor(java.awt.Color.RED);
            g.fillRect(0, 0, 64, 48);
            for (int i = 0; i < 10; i++) {
                rec.record(converter.convert(red));
            }
            float[] tone = sine(440, 16_000, 1.0).samples();
            short[] pcm = new short[tone.length];
            for (int i = 0; i < tone.length; i++) {
                pcm[i] = Wav.toPcm16(tone[i]);
            }
            rec.recordSamples(16_000, 1, ShortBuffer.wrap(pcm));
        }
    }

    private static Waveform sine(double hz, int rate, double seconds) {
        float[] s = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return new Waveform(s, rate);
    }

    /** Zero crossings per second / 2: enough to tell 440 Hz from anything else here. */
    private static double dominantFrequency(Waveform w) {
        float[] s = w.samples();
        int crossings = 0;
        for (int i = 1; i < s.length; i++) {
            if ((s[i - 1] < 0) != (s[i] < 0)) {
                crossings++;
            }
        }
        return crossings / 2.0 / w.seconds();
    }
}
