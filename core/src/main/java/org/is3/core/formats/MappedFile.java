package org.is3.core.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only memory mapping of a whole file of any size. One mapping holds at most 2 GiB, so the
 * file is covered by overlapping windows that start every {@code stride} bytes and are up to two
 * strides long: any range no longer than a stride lies inside one window. Longer ranges get their
 * own mapping on demand. Slices never move shared state, so reads may run in parallel.
 */
final class MappedFile implements AutoCloseable {
    static final long DEFAULT_STRIDE = 1L << 30;

    private final FileChannel channel;
    private final long size;
    private final long stride;
    private final MappedByteBuffer[] windows;
    private volatile boolean closed;

    private MappedFile(FileChannel channel, long stride) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        this.stride = stride;
        int count = (int) ((size + stride - 1) / stride);
        this.windows = new MappedByteBuffer[count];
        long windowLength = Math.min(2 * stride, Integer.MAX_VALUE);
        for (int k = 0; k < count; k++) {
            long start = k * stride;
            windows[k] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(windowLength, size - start));
        }
    }

    static MappedFile open(Path file) throws IOException {
        return open(file, DEFAULT_STRIDE);
    }

    /** A smaller stride lets tests exercise the window arithmetic on small files. */
    static MappedFile open(Path file, long stride) throws IOException {
        if (stride < 1 || stride > DEFAULT_STRIDE) {
            throw new IllegalArgumentException("stride must be in [1, 2^30], got " + stride);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new MappedFile(ch, stride);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    long size() {
        return size;
    }

    /** Whether {@code [offset, offset + length)} lies inside the file. */
    boolean contains(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= size && length <= size - offset;
    }

    /** The bytes {@code [offset, offset + length)} as a little-endian buffer positioned at 0. */
    ByteBuffer slice(long offset, int length) {
        if (closed) {
            throw new IllegalStateException("mapped file is closed");
        }
        if (!contains(offset, length)) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside a file of " + size + " bytes");
        }
        if (length == 0) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        int k = (int) (offset / stride);
        MappedByteBuffer w = windows[k];
        long inWindow = offset - k * stride;
        if (inWindow + length <= w.capacity()) {
            return w.slice((int) inWindow, length).order(ByteOrder.LITTLE_ENDIAN);
        }
        try {
            return channel.map(FileChannel.MapMode.READ_ONLY, offset, length).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
