package org.is3.trainer.infer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.NpyLayout;

/**
 * Writes a numpy {@code .npz} as {@code np.savez} does: a zip of stored (uncompressed) {@code <id>.npy}
 * members, float32 little-endian, C order — the container {@code is3 eval score} and the eval server
 * read ({@link org.is3.core.formats.PredictionSource}).
 */
public final class NpzWriter implements AutoCloseable {

    private final Path file;
    private final ZipOutputStream zip;
    private int count;

    public NpzWriter(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            zip = new ZipOutputStream(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Adds member {@code <id>.npy}. */
    public void add(String id, NpyArray array) {
        byte[] bytes = Npy.toBytes(array, NpyLayout.DEFAULT);
        ZipEntry e = new ZipEntry(id + ".npy");
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        try {
            zip.putNextEntry(e);
            zip.write(bytes);
            zip.closeEntry();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + id + " to " + file, ex);
        }
        count++;
    }

    public int count() {
        return count;
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + file, e);
        }
    }
}
