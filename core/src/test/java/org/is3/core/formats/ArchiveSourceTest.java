package org.is3.core.formats;

import static org.is3.core.formats.NpyTestFiles.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveSourceTest {
    @TempDir
    Path dir;

    private static byte[] npy(NpyArray a) {
        return Npy.toBytes(a, NpyLayout.DEFAULT);
    }

    private static NpyArray map(int seed) {
        return NpyArray.of(NpyTestFiles.halfExactValues(224 * 224, seed), 224, 224);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void readsNumpySavez() {
        try (PredictionSource s = PredictionSource.open(fixture("savez.npz"))) {
            assertEquals(List.of("sample_a", "sample_b", "sample_c"), s.ids());
            assertEquals(NpyArray.of(NpyTest.sevenths(), 3, 4), s.read("sample_a"));
            assertArrayEquals(new float[] {1.5f, -2.25f, 0f, Float.POSITIVE_INFINITY, 3e-39f}, s.read("sample_b").data());
            assertEquals(NpyArray.of(new float[] {0.75f}), s.read("sample_c"));
            assertTrue(s.describe().startsWith("NPZ archive "), s.describe());
            assertTrue(s.describe().endsWith(": 3 samples (3 stored, 0 deflated)"), s.describe());
        }
    }

    @Test
    void readsNumpySavezCompressed() {
        try (PredictionSource s = PredictionSource.open(fixture("savez_compressed.npz"))) {
            assertEquals(List.of("sample_a", "sample_z", "sample_d"), s.ids());
            assertEquals(NpyArray.of(NpyTest.sevenths(), 3, 4), s.read("sample_a"));
            assertEquals(NpyArray.of(NpyTest.sevenths(), 3, 4), s.read("sample_d"));
            float[] z = new float[64 * 64];
            for (int y = 10; y < 20; y++) {
                Arrays.fill(z, y * 64 + 30, y * 64 + 40, 1f);
            }
            assertEquals(NpyArray.of(z, 64, 64), s.read("sample_z"));
            assertTrue(s.describe().endsWith(": 3 samples (0 stored, 3 deflated)"), s.describe());
        }
    }

    @Test
    void readsAJavaZipWithAFolderAndMacMetadata() throws IOException {
        Path zip = dir.resolve("preds.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("preds/"));
            out.putNextEntry(new ZipEntry("preds/x_1.npy"));
            out.write(npy(map(1)));
            byte[] y = npy(map(2));
            ZipEntry stored = new ZipEntry("preds/y_2.npy");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(y.length);
            CRC32 crc = new CRC32();
            crc.update(y);
            stored.setCrc(crc.getValue());
            out.putNextEntry(stored);
            out.write(y);
            out.putNextEntry(new ZipEntry("__MACOSX/preds/._x_1.npy"));
            out.write(new byte[] {0, 5, 22, 7});
            out.putNextEntry(new ZipEntry("preds/.DS_Store"));
            out.write(new byte[] {1, 2, 3});
        }
        try (PredictionSource s = PredictionSource.open(zip)) {
            assertEquals(List.of("x_1", "y_2"), s.ids());
            assertEquals(map(1), s.read("x_1"));
            assertEquals(map(2), s.read("y_2"));
            assertTrue(s.describe().startsWith("zip archive " + zip + ": 2 samples (1 stored, 1 deflated)"), s.describe());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.read("z"));
            assertEquals("no sample 'z' in " + zip, e.getMessage());
        }
    }

    /** Every dtype, both orders, stored and deflated, ZIP64 extras and end records, read in parallel. */
    @Test
    void readsEveryVariantInParallelAcrossMappingWindows() throws IOException {
        ZipBuilder zb = new ZipBuilder();
        zb.zip64End = true;
        List<NpyArray> expected = new ArrayList<>();
        int i = 0;
        for (NpyDtype.Precision p : NpyDtype.Precision.values()) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (boolean fortran : new boolean[] {false, true}) {
                    NpyArray a = i % 5 == 0 ? NpyArray.of(NpyTestFiles.halfExactValues(24, i), 2, 3, 4) : map(i);
                    byte[] bytes = Npy.toBytes(a, new NpyLayout(new NpyDtype(p, order), fortran, 1 + i % 3));
                    zb.add("s" + i + ".npy", bytes, i % 2 == 0 ? 0 : 8).zip64 = true;
                    expected.add(a);
                    i++;
                }
            }
        }
        Path zip = write("all.npz", zb.build());
        // A 4 KiB mapping stride: members straddle windows and most are longer than one stride.
        try (ArchiveSource s = ArchiveSource.open(zip, PredictionSource.Limits.DEFAULT, 4096)) {
            assertEquals(expected.size(), s.ids().size());
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < 40; k++) {
                order.add(k % expected.size());
            }
            order.parallelStream().forEach(k -> assertEquals(expected.get(k), s.read("s" + k), "s" + k));
        }
    }

    @Test
    void refusesUnsafeNames() throws IOException {
        String[] names = {"/etc/x.npy", "C:/x.npy", "../x.npy", "preds/../../x.npy", "a\\..\\x.npy", "\\x.npy"};
        for (String name : names) {
            ZipBuilder zb = new ZipBuilder();
            zb.add(name, npy(map(0)), 0);
            assertRefused(zb, "entry '" + name + "' has");
        }
    }

    @Test
    void refusesSymlinks() throws IOException {
        ZipBuilder zb = new ZipBuilder();
        zb.add("ok.npy", npy(map(0)), 0);
        zb.add("link.npy", "/etc/passwd".getBytes(), 0).externalAttributes = 0120777L << 16;
        assertRefused(zb, "entry 'link.npy' is a symbolic link");
    }

    @Test
    void refusesTooManyEntriesAndTooManyBytes() throws IOException {
        ZipBuilder zb = new ZipBuilder();
        for (int i = 0; i < 3; i++) {
            zb.add(i + ".npy", npy(map(i)), 8);
        }
        Path zip = write("three.zip", zb.build());
        InputException e = assertThrows(InputException.class,
                () -> PredictionSource.open(zip, new PredictionSource.Limits(2, 1L << 30, 200, 1 << 20)));
        assertEquals(zip + ": declares 3 entries, more than the limit of 2 (zip bomb?)", e.getMessage());
        e = assertThrows(InputException.class,
                () -> PredictionSource.open(zip, new PredictionSource.Limits(10, 300_000, 200, 1 << 20)));
        assertTrue(e.getMessage().startsWith(zip + ": members declare more than 300000 uncompressed bytes in total"
                + " (limit reached at entry '1.npy'"), e.getMessage());
    }

    @Test
    void refusesHighlyCompressedLargeEntries() throws IOException {
        ZipBuilder zb = new ZipBuilder();
        zb.add("zeros.npy", npy(NpyArray.of(new float[600 * 600], 600, 600)), 8);
        assertRefused(zb, "entry 'zeros.npy' declares 1440128 bytes from");
        assertRefused(zb, "a ratio above 200.0:1 (zip bomb?)");
        // The same ratio on a single all-zero 224×224 map is below the size that is checked.
        ZipBuilder small = new ZipBuilder();
        small.add("zeros.npy", npy(NpyArray.of(new float[224 * 224], 224, 224)), 8);
        try (PredictionSource s = PredictionSource.open(write("small.zip", small.build()))) {
            assertEquals(NpyArray.of(new float[224 * 224], 224, 224), s.read("zeros"));
        }
    }

    @Test
    void stopsInflatingAtTheDeclaredSize() throws IOException {
        ZipBuilder zb = new ZipBuilder();
        ZipBuilder.Member m = zb.add("bomb.npy", npy(map(3)), 8);
        m.size = 1000;
        Path zip = write("bomb.zip", zb.build());
        try (PredictionSource s = PredictionSource.open(zip)) {
            InputException e = assertThrows(InputException.class, () -> s.read("bomb"));
            assertEquals(zip + " entry 'bomb.npy': inflates to more than its declared 1000 bytes (zip bomb?)", e.getMessage());
        }
    }

    @Test
    void refusesMembersThatInflateShortOrCorruptOrFailTheirCrc() throws IOException {
        ZipBuilder zb = new ZipBuilder();
        zb.add("long.npy", npy(map(4)), 8).size += 10;
        ZipBuilder.Member bad = zb.add("bad.npy", npy(map(5)), 8);
        bad.payload = bad.payload.clone();
        bad.payload[0] = (byte) 0xff;
        bad.payload[1] = (byte) 0xff;
        ZipBuilder.Member crc = zb.add("crc.npy", npy(map(6)), 0);
        crc.crc ^= 1;
        Path zip = write("damaged.zip", zb.build());
        try (PredictionSource s = PredictionSource.open(zip)) {
            assertEquals(zip + " entry 'long.npy': truncated deflate data (inflated 200832 of the 200842 declared bytes)",
                    assertThrows(InputException.class, () -> s.read("long")).getMessage());
            assertTrue(assertThrows(InputException.class, () -> s.read("bad")).getMessage()
                    .startsWith(zip + " entry 'bad.npy': corrupt deflate data"));
            assertEquals(zip + " entry 'crc.npy': CRC-32 mismatch (the archive is corrupt)",
                    assertThrows(InputException.class, () -> s.read("crc")).getMessage());
        }
    }

    @Test
    void namesTheEntryWhoseArrayIsBad() throws IOException {
        ZipBuilder zb = new ZipBuilder();
        byte[] full = npy(map(7));
        zb.add("short.npy", Arrays.copyOf(full, full.length - 8), 0);
        zb.add("obj.npy", NpyTestFiles.fixtureBytes("object.npy"), 8);
        Path zip = write("arrays.zip", zb.build());
        try (PredictionSource s = PredictionSource.open(zip)) {
            assertTrue(assertThrows(InputException.class, () -> s.read("short")).getMessage()
                    .startsWith(zip + " entry 'short.npy': truncated NPY data"));
            assertTrue(assertThrows(InputException.class, () -> s.read("obj")).getMessage()
                    .startsWith(zip + " entry 'obj.npy': array is a pickled object array"));
        }
    }

    @Test
    void refusesOtherFilesDuplicatesEncryptionAndMethods() throws IOException {
        ZipBuilder other = new ZipBuilder();
        other.add("a.npy", npy(map(0)), 0);
        other.add("notes.txt", "hi".getBytes(), 0);
        assertRefused(other, "entry 'notes.txt' is not an .npy file");

        ZipBuilder dup = new ZipBuilder();
        dup.add("a/x.npy", npy(map(0)), 0);
        dup.add("b/x.npy", npy(map(1)), 8);
        dup.add("y.npy", npy(map(1)), 8);
        assertRefused(dup, "1 duplicate sample id(s): 'x' (a/x.npy, b/x.npy)");

        ZipBuilder enc = new ZipBuilder();
        enc.add("a.npy", npy(map(0)), 0).flags = 1;
        assertRefused(enc, "entry 'a.npy' is encrypted");

        ZipBuilder bz = new ZipBuilder();
        bz.add("a.npy", npy(map(0)), 12);
        assertRefused(bz, "entry 'a.npy' uses compression method 12");
    }

    @Test
    void refusesTruncatedAndInconsistentArchives() throws IOException {
        ZipBuilder zb = new ZipBuilder();
        zb.add("a.npy", npy(map(0)), 8);
        zb.add("b.npy", npy(map(1)), 0);
        byte[] good = zb.build();
        assertRefused(Arrays.copyOf(good, good.length / 2), "no end of central directory record");
        assertRefused(Arrays.copyOf(good, 10), "too short to be a zip archive");
        byte[] cut = good.clone();
        // Drop 40 bytes in the middle: the central directory offset now points past its start.
        byte[] shifted = new byte[cut.length - 40];
        System.arraycopy(cut, 0, shifted, 0, 1000);
        System.arraycopy(cut, 1040, shifted, 1000, cut.length - 1040);
        assertRefused(shifted, "corrupt or truncated zip archive");

        ZipBuilder mismatch = new ZipBuilder();
        mismatch.add("a.npy", npy(map(0)), 0).localName = "b.npy";
        assertRefused(mismatch, "entry 'a.npy' has a different name in its local header");

        ZipBuilder past = new ZipBuilder();
        past.add("a.npy", npy(map(0)), 8).compressedSize = 10_000_000;
        assertRefused(past, "the data of entry 'a.npy' (10000000 bytes at offset 35) runs past the end of the file");

        // Damage the second member's local header signature.
        byte[] local = good.clone();
        int second = secondLocalHeader(local);
        local[second + 3] = 9;
        assertRefused(local, "entry 'b.npy' has no local header at offset " + second);
    }

    private static int secondLocalHeader(byte[] zip) {
        int found = 0;
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4 && ++found == 2) {
                return i;
            }
        }
        throw new IllegalStateException("no second local header");
    }

    @Test
    void refusesFilesThatAreNoKnownContainer() throws IOException {
        Path p = write("preds.bin", "hello world".getBytes());
        InputException e = assertThrows(InputException.class, () -> PredictionSource.open(p));
        assertTrue(e.getMessage().startsWith(p + ": expected a directory of <id>.npy files"), e.getMessage());
        Path missing = dir.resolve("missing.zip");
        assertEquals(missing + ": no such file or directory",
                assertThrows(InputException.class, () -> PredictionSource.open(missing)).getMessage());
    }

    private void assertRefused(ZipBuilder zb, String expected) throws IOException {
        assertRefused(zb.build(), expected);
    }

    private void assertRefused(byte[] archive, String expected) throws IOException {
        Path zip = write("bad.zip", archive);
        InputException e = assertThrows(InputException.class, () -> {
            try (PredictionSource s = PredictionSource.open(zip)) {
                s.ids().forEach(s::read);
            }
        });
        assertTrue(e.getMessage().startsWith(zip + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
