package org.is3.core.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryAndStackSourceTest {
    @TempDir
    Path dir;

    private static NpyArray map(int seed) {
        return NpyArray.of(NpyTestFiles.halfExactValues(224 * 224, seed), 224, 224);
    }

    @Test
    void readsADirectoryInNameOrderSkippingHiddenFiles() throws IOException {
        Npy.write(dir.resolve("b_2.npy"), map(2));
        Npy.write(dir.resolve("a_1.npy"), map(1), new NpyLayout(
                new NpyDtype(NpyDtype.Precision.FLOAT16, ByteOrder.BIG_ENDIAN), true, 1));
        Files.write(dir.resolve(".DS_Store"), new byte[] {1});
        Files.write(dir.resolve("._a_1.npy"), new byte[] {1});
        try (PredictionSource s = PredictionSource.open(dir)) {
            assertEquals(List.of("a_1", "b_2"), s.ids());
            assertEquals(map(1), s.read("a_1"));
            assertEquals(map(2), s.read("b_2"));
            assertEquals("directory " + dir + ": 2 samples", s.describe());
        }
    }

    @Test
    void refusesOtherFilesAndSubdirectoriesInADirectory() throws IOException {
        Npy.write(dir.resolve("a.npy"), map(1));
        Files.writeString(dir.resolve("readme.md"), "x");
        InputException e = assertThrows(InputException.class, () -> PredictionSource.open(dir));
        assertEquals(dir.resolve("readme.md") + ": not an .npy file; " + dir + " must hold only <id>.npy files",
                e.getMessage());
        Files.delete(dir.resolve("readme.md"));
        Files.createDirectory(dir.resolve("more"));
        e = assertThrows(InputException.class, () -> PredictionSource.open(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("more") + ": unexpected subdirectory"), e.getMessage());
    }

    @Test
    void aDamagedFileInADirectoryIsNamedWhenRead() throws IOException {
        Files.write(dir.resolve("a.npy"), new byte[] {1, 2, 3});
        try (PredictionSource s = PredictionSource.open(dir)) {
            InputException e = assertThrows(InputException.class, () -> s.read("a"));
            assertTrue(e.getMessage().startsWith(dir.resolve("a.npy") + ": truncated NPY file"), e.getMessage());
        }
    }

    /** A stack of n maps where map i is map(i), written in the given layout. */
    private Path stack(int n, NpyLayout layout, String... ids) throws IOException {
        float[] all = new float[n * 224 * 224];
        for (int i = 0; i < n; i++) {
            System.arraycopy(map(i).data(), 0, all, i * 224 * 224, 224 * 224);
        }
        Path p = dir.resolve("stack.npy");
        Npy.write(p, NpyArray.of(all, n, 224, 224), layout);
        Files.write(dir.resolve("ids.txt"), Arrays.asList(ids));
        return p;
    }

    @Test
    void readsAStackWithIdsTxtNextToIt() throws IOException {
        Path p = stack(3, NpyLayout.DEFAULT, "s0", "s1", "s2");
        try (PredictionSource s = PredictionSource.open(p)) {
            assertEquals(List.of("s0", "s1", "s2"), s.ids());
            IntStream.range(0, 3).parallel().forEach(i -> assertEquals(map(i), s.read("s" + i)));
            assertEquals("NPY stack " + p + ": 3 samples of shape (224, 224) <f4", s.describe());
        }
    }

    @Test
    void readsStacksOfEveryDtypeOrderAndLayout() throws IOException {
        for (NpyDtype.Precision p : NpyDtype.Precision.values()) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (boolean fortran : new boolean[] {false, true}) {
                    NpyLayout layout = new NpyLayout(new NpyDtype(p, order), fortran, 2);
                    Path path = stack(3, layout, "s0", "s1", "s2");
                    try (PredictionSource s = PredictionSource.open(path, dir.resolve("ids.txt"))) {
                        for (int i = 2; i >= 0; i--) {
                            assertEquals(map(i), s.read("s" + i), layout.toString());
                        }
                        String expected = " " + layout.dtype().descr() + (fortran ? " (Fortran order)" : "");
                        assertTrue(s.describe().endsWith(expected), s.describe());
                    }
                }
            }
        }
    }

    @Test
    void readsA1dStackAsScalars() throws IOException {
        Path p = dir.resolve("v.npy");
        Npy.write(p, NpyArray.of(new float[] {3, 4}, 2));
        Files.writeString(dir.resolve("ids.txt"), "a\r\nb\r\n");
        try (PredictionSource s = PredictionSource.open(p)) {
            assertEquals(NpyArray.of(new float[] {4}), s.read("b"));
        }
    }

    @Test
    void refusesStacksWhoseIdsDoNotFit() throws IOException {
        Path p = stack(3, NpyLayout.DEFAULT, "s0", "s1");
        Path ids = dir.resolve("ids.txt");
        assertEquals(ids + ": has 2 ids but " + p + " holds 3 samples (shape (3, 224, 224))",
                assertThrows(InputException.class, () -> PredictionSource.open(p)).getMessage());
        Files.write(ids, List.of("s0", "s1", "s0"));
        assertEquals(ids + ": 1 duplicate sample id(s): 's0' (line 1, line 3)",
                assertThrows(InputException.class, () -> PredictionSource.open(p)).getMessage());
        Files.write(ids, List.of("s0", "", "s2"));
        assertEquals(ids + ": line 2 is empty; expected one sample id per line",
                assertThrows(InputException.class, () -> PredictionSource.open(p)).getMessage());
        Files.delete(ids);
        InputException e = assertThrows(InputException.class, () -> PredictionSource.open(p));
        assertTrue(e.getMessage().startsWith(p + ": a single .npy is read as a stack"), e.getMessage());
    }

    @Test
    void refusesADamagedStack() throws IOException {
        Path p = stack(2, NpyLayout.DEFAULT, "a", "b");
        byte[] bytes = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(bytes, bytes.length - 4));
        InputException e = assertThrows(InputException.class, () -> PredictionSource.open(p));
        assertTrue(e.getMessage().startsWith(p + ": truncated NPY data"), e.getMessage());
        Npy.write(p, NpyArray.of(new float[] {1}));
        Files.write(dir.resolve("ids.txt"), List.of("a"));
        e = assertThrows(InputException.class, () -> PredictionSource.open(p));
        assertEquals(p + ": a stack needs at least one axis (the samples), found a 0-d array", e.getMessage());
    }
}
