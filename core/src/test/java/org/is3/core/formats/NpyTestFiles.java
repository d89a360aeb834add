package org.is3.core.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builders for NPY bytes with arbitrary header text, and access to the numpy-made fixtures. */
final class NpyTestFiles {
    private NpyTestFiles() {
    }

    /** An NPY file with the given header dict text (padded as numpy does) followed by data. */
    static byte[] withHeader(String dict, int majorVersion, byte[] data) {
        byte[] text = dict.getBytes(majorVersion == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int prefix = majorVersion == 1 ? 10 : 12;
        int pad = 64 - (prefix + text.length + 1) % 64;
        int headerLength = text.length + 1 + pad;
        ByteBuffer b = ByteBuffer.allocate(prefix + headerLength + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) majorVersion, 0});
        if (majorVersion == 1) {
            b.putShort((short) headerLength);
        } else {
            b.putInt(headerLength);
        }
        b.put(text);
        for (int i = 0; i < pad; i++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n').put(data);
        return b.array();
    }

    static byte[] withHeader(String dict, byte[] data) {
        return withHeader(dict, 1, data);
    }

    /** Little-endian float32 bytes of the given values. */
    static byte[] f4(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** A fixture written by numpy 1.26 (see src/test/resources/org/is3/core/formats/README.md). */
    static Path fixture(String name) {
        try {
            return Path.of(NpyTestFiles.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] fixtureBytes(String name) {
        try {
            return Files.readAllBytes(fixture(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deterministic values in [-8, 8) that are exact in float16 (multiples of 1/64). */
    static float[] halfExactValues(int n, int seed) {
        float[] v = new float[n];
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            v[i] = ((int) (x >>> 54) - 512) / 64f;
        }
        return v;
    }
}
