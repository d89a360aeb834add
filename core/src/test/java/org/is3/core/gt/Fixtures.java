package org.is3.core.gt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/** Test resources of this package and small helpers to compare maps with Python goldens. */
final class Fixtures {
    private Fixtures() {
    }

    static Path resource(String relative) {
        try {
            return Path.of(Fixtures.class.getResource(relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource missing: " + relative, e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CRC-32 of the map as 50176 bytes of half-units, as Python's {@code zlib.crc32((m*2).astype(uint8))}. */
    static String crc(GtMap m) {
        return crc(m.toHalves());
    }

    static String crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return String.format("%08x", c.getValue());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** Pixel (row, col) of the 224 grid. */
    static int at(int row, int col) {
        return row * 224 + col;
    }
}
