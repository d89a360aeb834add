package org.is3.core.formats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.is3.core.InputException;

/**
 * Reads and writes NPY files (numpy's {@code np.save} format). Reading accepts float16, float32
 * and float64 in either byte order and either memory order, and returns float32 in C order exactly
 * as {@code np.load(f).astype(np.float32)} would (metrics.md §0: scoring works on float32). Every
 * refusal is an {@link InputException} that starts with the source name.
 */
public final class Npy {
    /** Bytes converted per step when streaming; a multiple of every item size. */
    private static final int STREAM_CHUNK = 1 << 16;

    private Npy() {
    }

    /** Reads one NPY file; the message of any refusal names the file. */
    public static NpyArray read(Path file) {
        String source = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 8) {
                try (InputStream in = Channels.newInputStream(ch)) {
                    return read(in, source);
                }
            }
            // Read through a reused direct buffer: the copy to float[] in decode is then the only one.
            ByteBuffer buf = ScratchBuffers.direct((int) size);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // A short read is only an interruption; loop until full or end of file.
            }
            return decode(buf.flip(), source);
        } catch (NoSuchFileException e) {
            throw new InputException(source + ": no such file");
        } catch (IOException e) {
            throw new InputException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Decodes the complete NPY file held between the buffer's position and limit (a heap buffer or a
     * memory-mapped slice). The buffer's position is not moved, so one buffer may be shared.
     */
    public static NpyArray decode(ByteBuffer file, String sourceName) {
        return decode(file, sourceName, null);
    }

    /**
     * As {@link #decode(ByteBuffer, String)}, writing into {@code reuse} when it has exactly the
     * array's element count and the file is in C order (a scorer decodes thousands of maps into one
     * buffer per thread). The returned array then holds {@code reuse}, valid until its next reuse.
     */
    public static NpyArray decode(ByteBuffer file, String sourceName, float[] reuse) {
        NpyHeader header = NpyHeader.parse(file, sourceName);
        long available = (long) file.remaining() - header.dataOffset();
        checkDataLength(header, available, sourceName);
        boolean fits = reuse != null && reuse.length == header.elementCount() && !header.fortranOrder();
        float[] data = fits ? reuse : new float[header.elementCount()];
        NpyElements.decode(header.dtype(), file, file.position() + header.dataOffset(), data, 0, data.length);
        return toCOrder(header, data);
    }

    /** Reads one NPY file from a stream, which is read to its end but not closed. */
    public static NpyArray read(InputStream in, String sourceName) {
        try {
            byte[] prefix = in.readNBytes(12);
            int offset = NpyHeader.declaredDataOffset(ByteBuffer.wrap(prefix), sourceName);
            byte[] head = Arrays.copyOf(prefix, Math.max(offset, prefix.length));
            int got = prefix.length;
            if (offset > got) {
                got += in.readNBytes(head, got, offset - got);
            }
            NpyHeader header = NpyHeader.parse(ByteBuffer.wrap(head, 0, got), sourceName);
            InputStream data = got > offset
                    ? new SequenceInputStream(new ByteArrayInputStream(head, offset, got - offset), in) : in;
            float[] out = new float[header.elementCount()];
            streamData(header, data, out, sourceName);
            if (data.read() >= 0) {
                throw new InputException(sourceName + ": unexpected bytes after the " + header.dataBytes()
                        + " data bytes of shape " + shapeString(header.shape()) + " " + header.dtype().descr()
                        + " (the file is longer than its shape and dtype say)");
            }
            return toCOrder(header, out);
        } catch (IOException e) {
            throw new InputException(sourceName + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void streamData(NpyHeader header, InputStream in, float[] out, String source) throws IOException {
        int item = header.dtype().itemSize();
        byte[] chunk = new byte[(int) Math.min(STREAM_CHUNK, header.dataBytes())];
        ByteBuffer view = ByteBuffer.wrap(chunk);
        for (int done = 0; done < out.length; ) {
            int want = (int) Math.min(chunk.length, header.dataBytes() - (long) done * item);
            int n = in.readNBytes(chunk, 0, want);
            if (n < want) {
                checkDataLength(header, (long) done * item + n, source);
            }
            NpyElements.decode(header.dtype(), view, 0, out, done, n / item);
            done += n / item;
        }
    }

    static void checkDataLength(NpyHeader h, long available, String source) {
        long expected = h.dataBytes();
        if (available < expected) {
            throw new InputException(source + ": truncated NPY data (shape " + shapeString(h.shape()) + " of "
                    + h.dtype().descr() + " needs " + expected + " bytes after the header, found " + available + ")");
        }
        if (available > expected) {
            throw new InputException(source + ": " + (available - expected) + " unexpected bytes after the "
                    + expected + " data bytes of shape " + shapeString(h.shape()) + " " + h.dtype().descr()
                    + " (the file is longer than its shape and dtype say)");
        }
    }

    static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    static NpyArray toCOrder(NpyHeader header, float[] data) {
        int[] shape = header.shape();
        return new NpyArray(shape, header.fortranOrder() ? FortranOrder.toC(data, shape) : data);
    }

    /** Writes {@code array} as numpy's {@code np.save} would: {@code <f4}, C order, format 1.0. */
    public static void write(Path file, NpyArray array) {
        write(file, array, NpyLayout.DEFAULT);
    }

    /** Writes {@code array} in the given layout. */
    public static void write(Path file, NpyArray array, NpyLayout layout) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, array, layout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes {@code array} as {@code <f4}, C order, format 1.0; the stream is not closed. */
    public static void write(OutputStream out, NpyArray array) throws IOException {
        write(out, array, NpyLayout.DEFAULT);
    }

    /**
     * Writes {@code array} converted to the layout's dtype (float16 rounds to nearest even, float64
     * widens exactly), in the layout's memory order, with numpy's header bytes for that format.
     */
    public static void write(OutputStream out, NpyArray array, NpyLayout layout) throws IOException {
        int[] shape = array.shape();
        NpyHeader header = new NpyHeader(layout.dtype(), layout.fortranOrder(), shape, 0);
        out.write(header.encode(layout.majorVersion()));
        float[] data = layout.fortranOrder() ? FortranOrder.toFortran(array.data(), shape) : array.data();
        int item = layout.dtype().itemSize();
        ByteBuffer chunk = ByteBuffer.allocate(STREAM_CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (int done = 0; done < data.length; ) {
            int n = Math.min(STREAM_CHUNK / item, data.length - done);
            chunk.clear();
            NpyElements.encode(layout.dtype(), data, done, n, chunk);
            out.write(chunk.array(), 0, chunk.position());
            done += n;
        }
    }

    /** The bytes of an NPY file for {@code array} in the given layout. */
    public static byte[] toBytes(NpyArray array, NpyLayout layout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, array, layout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
