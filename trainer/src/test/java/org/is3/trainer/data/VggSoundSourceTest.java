package org.is3.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VggSoundSourceTest {

    @Test
    void indexRowsAreParsedWithQuotedLabels() {
        assertEquals(List.of("abc", "30", "people, crowd", "train"), VggSoundSource.csv("abc,30,\"people, crowd\",train"));
        assertEquals(List.of("a", "1", "say \"hi\"", "test"), VggSoundSource.csv("a,1,\"say \"\"hi\"\"\",test"));
    }

    @Test
    void clipsOfTheSplitAreFoundByEitherNamingAndDecoded(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("vggsound.csv");
        Files.writeString(index, "vid0000001,30,\"dog, barking\",train\nvid0000002,10,cat,test\nmissing001,0,cat,train\n");
        Path clips = Files.createDirectories(dir.resolve("clips"));
        record(clips.resolve("vid0000001_000030.mp4"));
        VggSoundSource padded = VggSoundSource.open(index, clips, VggSoundSource.Naming.PADDED, "train");
        assertEquals(1, padded.size());
        assertEquals(1, padded.skipped());
        AvExample ex = padded.get(0);
        assertEquals("vid0000001_000030", ex.id());
        assertEquals(64, ex.image().getWidth());
        assertEquals(16000, ex.audio().sampleRate());
        assertTrue(ex.audio().length() > 15000, "one second of audio, got " + ex.audio().length());

        Files.move(clips.resolve("vid0000001_000030.mp4"), clips.resolve("vid0000001_30000_40000.mp4"));
        assertEquals(1, VggSoundSource.open(index, clips, VggSoundSource.Naming.MILLIS, null).size());
        Files.writeString(index, "vid,xx,cat,train\n");
        InputException e = assertThrows(InputException.class,
                () -> VggSoundSource.open(index, clips, VggSoundSource.Naming.PADDED, null));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    /** A 1-s clip, 64×48 blue frames and a 440 Hz tone (as models' ClipDecoderTest makes one). */
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
            BufferedImage blue = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
            java.awt.Graphics g = blue.getGraphics();
            g.setColor(java.awt.Color.BLUE);
            g.fillRect(0, 0, 64, 48);
            for (int i = 0; i < 10; i++) {
                rec.record(converter.convert(blue));
            }
            short[] pcm = new short[16_000];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) (10000 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
            }
            rec.recordSamples(16_000, 1, ShortBuffer.wrap(pcm));
        }
    }
}
