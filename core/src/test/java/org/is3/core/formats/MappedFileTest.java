package org.is3.core.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileTest {
    @Test
    void slicesAnyRangeAcrossWindows(@TempDir Path dir) throws IOException {
        byte[] bytes = new byte[1000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        Path f = dir.resolve("f.bin");
        Files.write(f, bytes);
        // Windows of 2 × 64 bytes every 64 bytes: ranges up to 64 bytes come from one window, longer
        // ones from a mapping of their own.
        try (MappedFile m = MappedFile.open(f, 64)) {
            assertEquals(1000, m.size());
            int[][] ranges = {{0, 0}, {0, 1}, {63, 2}, {64, 64}, {100, 64}, {127, 1}, {5, 300}, {936, 64}, {999, 1},
                {0, 1000}, {1000, 0}};
            for (int[] r : ranges) {
                assertEquals(ByteBuffer.wrap(bytes, r[0], r[1]), m.slice(r[0], r[1]), r[0] + "+" + r[1]);
            }
            assertThrows(IndexOutOfBoundsException.class, () -> m.slice(990, 11));
            assertThrows(IndexOutOfBoundsException.class, () -> m.slice(-1, 1));
        }
    }

    @Test
    void anEmptyFileHasOnlyTheEmptySlice(@TempDir Path dir) throws IOException {
        Path f = Files.createFile(dir.resolve("empty"));
        try (MappedFile m = MappedFile.open(f)) {
            assertEquals(0, m.slice(0, 0).remaining());
        }
    }

    @Test
    void refusesSlicesAfterClose(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("f");
        Files.write(f, new byte[10]);
        MappedFile m = MappedFile.open(f);
        m.close();
        assertThrows(IllegalStateException.class, () -> m.slice(0, 1));
    }
}
