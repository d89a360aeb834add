package org.is3.models.sam;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.is3.core.InputException;
import org.is3.models.runtime.FileDigest;

/**
 * The cache key of an image: hex SHA-256 of its size and ARGB pixels, so the same picture gets the
 * same key whatever file format or compression it was read from.
 */
public final class ImageKey {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private ImageKey() {
    }

    public static String of(BufferedImage image) {
        MessageDigest md = FileDigest.newDigest();
        int w = image.getWidth();
        int h = image.getHeight();
        md.update("is3-image-argb-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        md.update(ByteBuffer.allocate(8).putInt(w).putInt(h).array());
        int[] row = new int[w];
        ByteBuffer bytes = ByteBuffer.allocate(4 * w);
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            bytes.clear();
            bytes.asIntBuffer().put(row);
            md.update(bytes.array());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Checks a key that came from outside (a client): 64 lower-case hex digits, nothing that could
     * name another file.
     */
    public static String check(String key) {
        if (key == null || !HEX64.matcher(key).matches()) {
            throw new InputException("image key must be 64 lower-case hex digits (SHA-256), got '" + key + "'");
        }
        return key;
    }
}
