package org.is3.core.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.is3.core.InputException;

/**
 * RIFF/WAVE reader and 16-bit writer.
 *
 * <p>Reading follows libsndfile (python-soundfile {@code sf.read}, the loader SSL-Align/LVS uses):
 * integer PCM of B bits is divided by 2^(B-1) (8-bit is unsigned, offset 128), 32-bit float is
 * taken as is; channels are averaged into mono; the rate is reported, never changed. Formats:
 * PCM 8/16/24/32-bit and IEEE float 32-bit, plain or WAVE_FORMAT_EXTENSIBLE.
 *
 * <p>Writing produces 16-bit PCM mono. Each sample is clipped to [-1, 1], multiplied by 32768,
 * rounded half-to-even and clamped to [-32768, 32767] — libsndfile's float→short conversion with
 * {@code SFC_SET_CLIPPING} on. With this scale, writing what was read from a 16-bit file gives the
 * same bytes back. (numpy's {@code (x * 32767).astype(int16)} would truncate and scale by 32767;
 * the two differ by at most one step, 1/32768.)
 */
public final class Wav {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private Wav() {
    }

    public static Waveform read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException("cannot read WAV file " + file + ": " + e.getMessage(), e);
        }
        return decode(bytes, file.toString());
    }

    /** Decodes a whole WAV file held in memory; {@code name} is used in error messages. */
    public static Waveform decode(byte[] bytes, String name) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || in.getInt(0) != 0x46464952 || in.getInt(8) != 0x45564157) {
            throw new InputException("WAV file " + name + ": not a RIFF/WAVE file");
        }
        Format format = null;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            int id = in.getInt(pos);
            long size = Integer.toUnsignedLong(in.getInt(pos + 4));
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                requireBody(name, "fmt", size, bytes.length - body);
                format = Format.parse(in, body, (int) size, name);
            } else if (id == 0x61746164) { // "data"
                if (format == null) {
                    throw new InputException("WAV file " + name + ": data chunk before fmt chunk");
                }
                requireBody(name, "data", size, bytes.length - body);
                return format.decode(in, body, (int) size, name);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new InputException("WAV file " + name + ": no "
                + (format == null ? "fmt" : "data") + " chunk (truncated?)");
    }

    private static void requireBody(String name, String chunk, long size, int available) {
        if (size > available) {
            throw new InputException("WAV file " + name + ": truncated " + chunk + " chunk, header says "
                    + size + " bytes but only " + available + " are present");
        }
    }

    public static void write(Path file, Waveform clip) {
        try {
            Files.write(file, encode(clip));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write WAV file " + file, e);
        }
    }

    /** The 16-bit PCM mono WAV bytes of {@code clip} (44-byte header, then the samples). */
    public static byte[] encode(Waveform clip) {
        int dataBytes = Math.multiplyExact(clip.length(), 2);
        ByteBuffer out = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46464952).putInt(36 + dataBytes).putInt(0x45564157);
        out.putInt(0x20746d66).putInt(16).putShort((short) FORMAT_PCM).putShort((short) 1)
                .putInt(clip.sampleRate()).putInt(clip.sampleRate() * 2)
                .putShort((short) 2).putShort((short) 16);
        out.putInt(0x61746164).putInt(dataBytes);
        for (float s : clip.samples()) {
            out.putShort(toPcm16(s));
        }
        return out.array();
    }

    /** The 16-bit code the writer stores for {@code sample} (see the class comment). */
    public static short toPcm16(float sample) {
        double clipped = Math.max(-1.0, Math.min(1.0, sample));
        double scaled = Math.rint(clipped * 32768.0);
        return (short) Math.max(-32768.0, Math.min(32767.0, scaled));
    }

    /** {@code sample} as it reads back after a 16-bit write: {@code toPcm16(sample) / 32768}. */
    public static float quantize16(float sample) {
        return toPcm16(sample) / 32768f;
    }

    /** The fmt chunk fields the decoder needs. */
    private record Format(int encoding, int channels, int sampleRate, int bits, int blockAlign) {

        static Format parse(ByteBuffer in, int at, int size, String name) {
            if (size < 16) {
                throw new InputException("WAV file " + name + ": fmt chunk has " + size
                        + " bytes, expected at least 16");
            }
            int tag = Short.toUnsignedInt(in.getShort(at));
            int channels = Short.toUnsignedInt(in.getShort(at + 2));
            int rate = in.getInt(at + 4);
            int blockAlign = Short.toUnsignedInt(in.getShort(at + 12));
            int bits = Short.toUnsignedInt(in.getShort(at + 14));
            if (tag == FORMAT_EXTENSIBLE) {
                if (size < 40) {
                    throw new InputException("WAV file " + name
                            + ": WAVE_FORMAT_EXTENSIBLE fmt chunk has " + size + " bytes, expected 40");
                }
                tag = Short.toUnsignedInt(in.getShort(at + 24)); // first two bytes of the sub-format GUID
            }
            Format f = new Format(tag, channels, rate, bits, blockAlign);
            f.validate(name);
            return f;
        }

        private void validate(String name) {
            boolean pcm = encoding == FORMAT_PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
            boolean flt = encoding == FORMAT_FLOAT && bits == 32;
            if (!pcm && !flt) {
                throw new InputException("WAV file " + name + ": unsupported encoding (format tag "
                        + encoding + ", " + bits + " bits); expected PCM 8/16/24/32-bit or float 32-bit");
            }
            if (channels < 1) {
                throw new InputException("WAV file " + name + ": fmt chunk declares 0 channels");
            }
            if (sampleRate <= 0) {
                throw new InputException("WAV file " + name + ": fmt chunk declares sample rate "
                        + Integer.toUnsignedString(sampleRate) + ", expected a positive rate");
            }
            if (blockAlign != channels * bits / 8) {
                throw new InputException("WAV file " + name + ": block align " + blockAlign
                        + " does not match " + channels + " channels of " + bits + " bits");
            }
        }

        Waveform decode(ByteBuffer in, int at, int size, String name) {
            if (size % blockAlign != 0) {
                throw new InputException("WAV file " + name + ": data chunk of " + size
                        + " bytes is not a whole number of " + blockAlign + "-byte frames (truncated?)");
            }
            int frames = size / blockAlign;
            int width = bits / 8;
            float[] mono = new float[frames];
            for (int i = 0; i < frames; i++) {
                int frame = at + i * blockAlign;
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += sample(in, frame + c * width);
                }
                mono[i] = (float) (channels == 1 ? sum : sum / channels);
            }
            return new Waveform(mono, sampleRate);
        }

        private double sample(ByteBuffer in, int at) {
            if (encoding == FORMAT_FLOAT) {
                return in.getFloat(at);
            }
            return switch (bits) {
                case 8 -> (Byte.toUnsignedInt(in.get(at)) - 128) / 128.0;
                case 16 -> in.getShort(at) / 32768.0;
                case 24 -> ((in.get(at + 2) << 16) | (Byte.toUnsignedInt(in.get(at + 1)) << 8)
                        | Byte.toUnsignedInt(in.get(at))) / 8388608.0;
                default -> in.getInt(at) / 2147483648.0;
            };
        }
    }
}
