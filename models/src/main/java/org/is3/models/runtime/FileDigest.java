package org.is3.models.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 of model files: the identity recorded with every generated image and keying SAM caches. */
public final class FileDigest {

    private FileDigest() {
    }

    /** Hex SHA-256 over the files in the given order (each file's name, then its bytes). ~1 s per GB. */
    public static String sha256(List<Path> files) {
        MessageDigest md = newDigest();
        byte[] buffer = new byte[1 << 16];
        for (Path f : files) {
            md.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            try (InputStream in = Files.newInputStream(f)) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    md.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + f + " failed: " + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
