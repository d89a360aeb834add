package org.is3.core.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.is3.core.InputException;

/**
 * The per-sample prediction maps of one submission, whatever container they came in: a directory
 * of {@code <id>.npy} files, a {@code .zip} of them, a numpy {@code .npz} ({@code np.savez} or
 * {@code np.savez_compressed}), or one {@code N×H×W} {@code .npy} stack with an {@code ids.txt} of N
 * lines. Archives come from strangers, so they are checked before anything is inflated (see
 * {@link Limits}). {@link #read} may be called from several threads at once.
 */
public interface PredictionSource extends AutoCloseable {
    /**
     * Bounds on what an archive may make us do.
     *
     * @param maxEntries most entries the central directory may declare
     * @param maxTotalBytes most uncompressed bytes all entries together may declare
     * @param maxCompressionRatio most uncompressed/compressed ratio of a deflated entry ...
     * @param ratioCheckMinBytes ... once it declares at least this many uncompressed bytes (a single
     *     all-zero 224×224 map legitimately compresses about 1000:1)
     */
    record Limits(int maxEntries, long maxTotalBytes, double maxCompressionRatio, long ratioCheckMinBytes) {
        public static final Limits DEFAULT = new Limits(1_000_000, 8L << 30, 200, 1 << 20);

        public Limits {
            if (maxEntries < 0 || maxTotalBytes < 0 || !(maxCompressionRatio >= 1) || ratioCheckMinBytes < 0) {
                throw new IllegalArgumentException("invalid archive limits " + maxEntries + ", " + maxTotalBytes
                        + ", " + maxCompressionRatio + ", " + ratioCheckMinBytes);
            }
        }
    }

    /**
     * As {@link #read(String)}, decoding into {@code reuse} where the source can and the sizes match;
     * the result is then only valid until {@code reuse} is used again.
     */
    default NpyArray read(String id, float[] reuse) {
        return read(id);
    }


    /** Opens {@code path} with the default {@link Limits}. */
    static PredictionSource open(Path path) {
        return open(path, Limits.DEFAULT);
    }

    /**
     * Opens a directory, a zip/npz archive (recognised by its content, not its name) or an NPY
     * stack with {@code ids.txt} beside it.
     */
    static PredictionSource open(Path path, Limits limits) {
        if (Files.isDirectory(path)) {
            return DirectorySource.open(path);
        }
        byte[] magic;
        try (InputStream in = Files.newInputStream(path)) {
            magic = in.readNBytes(6);
        } catch (NoSuchFileException e) {
            throw new InputException(path + ": no such file or directory");
        } catch (IOException e) {
            throw new InputException(path + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5)) {
            return ArchiveSource.open(path, limits);
        }
        if (magic.length == 6 && (magic[0] & 0xff) == 0x93 && magic[1] == 'N' && magic[2] == 'U') {
            Path ids = path.resolveSibling("ids.txt");
            if (!Files.isRegularFile(ids)) {
                throw new InputException(path + ": a single .npy is read as a stack of N maps and needs an"
                        + " ids.txt with N lines next to it (" + ids + " does not exist)");
            }
            return StackSource.open(path, ids);
        }
        throw new InputException(path + ": expected a directory of <id>.npy files, a .zip or .npz archive of"
                + " them, or an N×H×W .npy stack with ids.txt");
    }

    /** Opens an NPY stack whose first axis is the sample, with one id per line of {@code idsFile}. */
    static PredictionSource open(Path npyStack, Path idsFile) {
        return StackSource.open(npyStack, idsFile);
    }

    /** The sample ids in file order (archive order, sorted file names, or ids.txt order). */
    List<String> ids();

    /**
     * The map of one sample as float32 in C order.
     *
     * @throws IllegalArgumentException if {@code id} is not one of {@link #ids()}
     * @throws InputException if the sample's data is damaged or not an accepted NPY array
     */
    NpyArray read(String id);

    /** One line for logs and reports, e.g. {@code NPZ archive preds.npz: 5000 samples (5000 stored)}. */
    String describe();

    @Override
    void close();
}
