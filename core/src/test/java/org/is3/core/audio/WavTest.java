package org.is3.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTest {

    @TempDir
    Path dir;

    @Test
    void sixteenBitFileRoundTripsBitExactly() throws Exception {
        Waveform noise = TestSignals.waveform("noise");
        Path file = dir.resolve("noise.wav");
        Wav.write(file, noise);
        Waveform back = Wav.read(file);
        assertEquals(noise, back);
        Path again = dir.resolve("again.wav");
        Wav.write(again, back);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
    }

    @Test
    void writerEmitsCanonical16BitMonoHeader() {
        byte[] bytes = Wav.encode(new Waveform(new float[] {0f, 0.5f, -1f}, 22050));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(44 + 6, bytes.length);
        assertEquals(36 + 6, b.getInt(4));
        assertEquals(1, b.getShort(20), "PCM");
        assertEquals(1, b.getShort(22), "mono");
        assertEquals(22050, b.getInt(24));
        assertEquals(44100, b.getInt(28), "byte rate");
        assertEquals(16, b.getShort(34));
        assertEquals(6, b.getInt(40));
        assertEquals(16384, b.getShort(46));
        assertEquals(-32768, b.getShort(48));
    }

    @Test
    void sixteenBitCodesClipScaleBy32768AndRoundHalfToEven() {
        assertEquals(32767, Wav.toPcm16(1f));
        assertEquals(32767, Wav.toPcm16(3.5f));
        assertEquals(-32768, Wav.toPcm16(-1f));
        assertEquals(-32768, Wav.toPcm16(-7f));
        assertEquals(0, Wav.toPcm16(0.5f / 32768));
        assertEquals(2, Wav.toPcm16(1.5f / 32768));
        assertEquals(-12345, Wav.toPcm16(-12345f / 32768));
        assertEquals(32767f / 32768, Wav.quantize16(2f));
    }

    @Test
    void readsEightBitUnsigned() {
        Waveform w = Wav.decode(riff(1, 1, 8000, 8, new byte[] {0, (byte) 128, (byte) 255}), "u8.wav");
        assertArrayEquals(new float[] {-1f, 0f, 127f / 128}, w.samples());
        assertEquals(8000, w.sampleRate());
    }

    @Test
    void readsSixteenBitAndReportsRate() {
        Waveform w = Wav.decode(riff(1, 1, 44100, 16, shorts(-32768, 0, 16384, 32767)), "s16.wav");
        assertArrayEquals(new float[] {-1f, 0f, 0.5f, 32767f / 32768}, w.samples());
        assertEquals(44100, w.sampleRate());
    }

    @Test
    void readsTwentyFourBit() {
        byte[] data = {(byte) 0xFF, (byte) 0xFF, 0x7F, 0x00, 0x00, (byte) 0x80, 0x00, 0x00, 0x40};
        Waveform w = Wav.decode(riff(1, 1, 16000, 24, data), "s24.wav");
        assertArrayEquals(new float[] {8388607f / 8388608, -1f, 0.5f}, w.samples());
    }

    @Test
    void readsThirtyTwoBitIntegerAndFloat() {
        ByteBuffer ints = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        ints.putInt(Integer.MIN_VALUE).putInt(1 << 30);
        assertArrayEquals(new float[] {-1f, 0.5f},
                Wav.decode(riff(1, 1, 16000, 32, ints.array()), "s32.wav").samples());
        ByteBuffer floats = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        floats.putFloat(0.25f).putFloat(1.5f);
        assertArrayEquals(new float[] {0.25f, 1.5f},
                Wav.decode(riff(3, 1, 16000, 32, floats.array()), "f32.wav").samples(),
                "float samples are kept as stored, even beyond full scale");
    }

    @Test
    void averagesChannelsIntoMono() {
        Waveform w = Wav.decode(riff(1, 2, 48000, 16, shorts(16384, -8192, 32767, 32767)), "stereo.wav");
        assertArrayEquals(new float[] {0.125f, 32767f / 32768}, w.samples());
        assertEquals(48000, w.sampleRate());
    }

    @Test
    void readsWaveFormatExtensibleAndSkipsOddSizedChunks() {
        ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) 0xFFFE).putShort((short) 1).putInt(16000).putInt(48000)
                .putShort((short) 3).putShort((short) 24).putShort((short) 22).putShort((short) 24)
                .putInt(4).putShort((short) 1).put(new byte[14]);
        byte[] bytes = wave(chunk("fmt ", fmt.array()), chunk("LIST", new byte[] {1, 2, 3}),
                chunk("data", new byte[] {0, 0, 0x40}));
        assertArrayEquals(new float[] {0.5f}, Wav.decode(bytes, "ext.wav").samples());
    }

    @Test
    void rejectsMalformedFilesNamingFileAndProblem() {
        assertProblem(new byte[] {'R', 'I', 'F', 'F'}, "not a RIFF/WAVE file");
        assertProblem(wave(chunk("data", shorts(1))), "data chunk before fmt chunk");
        assertProblem(wave(fmt(1, 1, 16000, 16)), "no data chunk");
        assertProblem(wave(fmt(1, 1, 16000, 12), chunk("data", shorts(1))), "unsupported encoding");
        assertProblem(wave(fmt(2, 1, 16000, 16), chunk("data", shorts(1))), "unsupported encoding");
        assertProblem(wave(fmt(1, 0, 16000, 16), chunk("data", shorts(1))), "0 channels");
        assertProblem(wave(chunk("fmt ", new byte[8]), chunk("data", shorts(1))), "expected at least 16");
        assertProblem(wave(fmt(1, 1, 16000, 16), chunk("data", new byte[] {1, 2, 3})),
                "not a whole number of 2-byte frames");
    }

    @Test
    void rejectsTruncatedDataChunk() {
        byte[] whole = riff(1, 1, 16000, 16, shorts(1, 2, 3, 4, 5));
        byte[] cut = Arrays.copyOf(whole, whole.length - 3);
        InputException e = assertThrows(InputException.class, () -> Wav.decode(cut, "cut.wav"));
        assertTrue(e.getMessage().contains("cut.wav"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated data chunk, header says 10 bytes but only 7"),
                e.getMessage());
    }

    @Test
    void missingFileIsAnInputErrorNamingIt() {
        Path missing = dir.resolve("missing.wav");
        InputException e = assertThrows(InputException.class, () -> Wav.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    private static void assertProblem(byte[] bytes, String problem) {
        InputException e = assertThrows(InputException.class, () -> Wav.decode(bytes, "bad.wav"));
        assertTrue(e.getMessage().startsWith("WAV file bad.wav: "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    static byte[] riff(int tag, int channels, int rate, int bits, byte[] data) {
        return wave(fmt(tag, channels, rate, bits), chunk("data", data));
    }

    static byte[] fmt(int tag, int channels, int rate, int bits) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        int align = channels * bits / 8;
        b.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * align)
                .putShort((short) align).putShort((short) bits);
        return chunk("fmt ", b.array());
    }

    static byte[] chunk(String id, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return b.array();
    }

    static byte[] wave(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (byte[] c : chunks) {
            body.writeBytes(c);
        }
        byte[] inner = body.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(8 + inner.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(inner.length).put(inner);
        return b.array();
    }

    static byte[] shorts(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }
}
