package org.is3.pipeline.generate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.is3.core.audio.Wav;
import org.is3.core.audio.Waveform;

/**
 * Where a run's generated files live: {@code <home>/runs/<run>/images/<base>.png} and, per object,
 * {@code <home>/runs/<run>/masks/<base>_<category>.png} (instance naming of datasets.md), masks as
 * 8-bit greyscale PNG, 255 inside and 0 outside, and the paired clips
 * {@code <home>/runs/<run>/audio/<id>.wav} (16-bit mono). Files are written to a temporary name and moved
 * into place, so a worker that dies mid-write never leaves a truncated image under the real name.
 */
public final class ImageFiles {

    private final Path home;
    private final Path runDir;

    public ImageFiles(Path home, String runName) {
        this.home = home.toAbsolutePath().normalize();
        this.runDir = this.home.resolve("runs").resolve(runName);
    }

    public Path image(String base) {
        return runDir.resolve("images").resolve(base + ".png");
    }

    public Path mask(String base, String category) {
        return runDir.resolve("masks").resolve(base + "_" + category + ".png");
    }

    public Path audio(String id) {
        return runDir.resolve("audio").resolve(id + ".wav");
    }

    /** A path stored relative to the home, resolved. */
    public Path resolve(String relative) {
        return home.resolve(relative);
    }

    /** Writes a paired clip as 16-bit WAV; returns its path relative to the home. */
    public String writeWav(String id, Waveform clip) {
        Path target = audio(id);
        atomically(target, tmp -> Wav.write(tmp, clip));
        return home.relativize(target).toString();
    }

    /** Writes the image and its masks; returns the image path relative to the home. */
    public String write(String base, GeneratedImage generated) {
        writePng(generated.image(), image(base));
        for (ObjectMask m : generated.masks()) {
            writePng(grey(m), mask(base, m.category()));
        }
        return home.relativize(image(base)).toString();
    }

    private static BufferedImage grey(ObjectMask m) {
        byte[] pixels = new byte[m.width() * m.height()];
        boolean[] mask = m.mask();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = mask[i] ? (byte) 255 : 0;
        }
        BufferedImage img = new BufferedImage(m.width(), m.height(), BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, m.width(), m.height(), pixels);
        return img;
    }

    private static void writePng(BufferedImage img, Path target) {
        atomically(target, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IllegalStateException("no PNG writer for image type " + img.getType());
            }
        });
    }

    private interface FileWriter {
        void write(Path tmp) throws IOException;
    }

    private static void atomically(Path target, FileWriter writer) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".part-", ".tmp");
            try {
                writer.write(tmp);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target + " failed: " + e.getMessage(), e);
        }
    }
}
