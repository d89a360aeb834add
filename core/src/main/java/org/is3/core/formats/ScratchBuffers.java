package org.is3.core.formats;

import java.nio.ByteBuffer;

/**
 * Per-thread reusable buffers for reading sample files. A scorer reads thousands of 200 KB maps;
 * reading each into a fresh buffer costs more in allocation and cache misses than the copy itself.
 * Only buffers up to {@link #MAX_REUSED} bytes are kept, so a thread never pins a large one.
 */
final class ScratchBuffers {
    static final int MAX_REUSED = 4 << 20;

    private static final ThreadLocal<ScratchBuffers> LOCAL = ThreadLocal.withInitial(ScratchBuffers::new);

    private ByteBuffer direct;
    private byte[] heap;

    private ScratchBuffers() {
    }

    /** A direct buffer with position 0 and limit {@code size}; fresh when size exceeds the cap. */
    static ByteBuffer direct(int size) {
        if (size > MAX_REUSED) {
            return ByteBuffer.allocateDirect(size);
        }
        ScratchBuffers s = LOCAL.get();
        if (s.direct == null || s.direct.capacity() < size) {
            s.direct = ByteBuffer.allocateDirect(Math.max(size, 256 << 10));
        }
        return s.direct.clear().limit(size);
    }

    /** A byte array of at least {@code size} bytes; fresh when size exceeds the cap. */
    static byte[] heap(int size) {
        if (size > MAX_REUSED) {
            return new byte[size];
        }
        ScratchBuffers s = LOCAL.get();
        if (s.heap == null || s.heap.length < size) {
            s.heap = new byte[Math.max(size, 256 << 10)];
        }
        return s.heap;
    }
}
