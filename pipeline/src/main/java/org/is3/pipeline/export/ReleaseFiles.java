package org.is3.pipeline.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The files of a release being written into its staging directory, each remembered by its path
 * relative to the release, so the manifest can list them all with their SHA-256.
 */
final class ReleaseFiles {

    static final float JPEG_QUALITY = 0.95f;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final List<String> written = new ArrayList<>();

    ReleaseFiles(Path root) {
        this.root = root;
    }

    List<String> written() {
        return List.copyOf(written);
    }

    void jpeg(String path, BufferedImage img) {
        write(path, target -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
                writer.setOutput(out);
                ImageWriteParam p = writer.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(JPEG_QUALITY);
                writer.write(null, new IIOImage(rgb(img), null, null), p);
            } finally {
                writer.dispose();
            }
        });
    }

    void png(String path, BufferedImage img) {
        write(path, target -> ImageIO.write(img, "png", target.toFile()));
    }

    void copy(String path, Path source) {
        write(path, target -> Files.copy(source, target));
    }

    void json(String path, JsonNode node) {
        write(path, target -> JSON.writeValue(target.toFile(), node));
    }

    void text(String path, String text) {
        write(path, target -> Files.writeString(target, text, StandardCharsets.UTF_8));
    }

    /** {@code img} scaled to a square side with bicubic interpolation. */
    static BufferedImage resized(BufferedImage img, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, side, side, null);
        g.dispose();
        return out;
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " for its checksum: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private interface Writer {
        void write(Path target) throws IOException;
    }

    private void write(String path, Writer writer) {
        Path target = root.resolve(path);
        try {
            Files.createDirectories(target.getParent());
            writer.write(target);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target + " failed: " + e.getMessage(), e);
        }
        written.add(path);
    }

    private static BufferedImage rgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }
}
