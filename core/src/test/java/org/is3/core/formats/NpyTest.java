package org.is3.core.formats;

import static org.is3.core.formats.NpyTestFiles.f4;
import static org.is3.core.formats.NpyTestFiles.fixture;
import static org.is3.core.formats.NpyTestFiles.fixtureBytes;
import static org.is3.core.formats.NpyTestFiles.withHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    private static final float[] B = {1.5f, -2.25f, 0f, Float.POSITIVE_INFINITY, 3e-39f};

    static float[] sevenths() {
        float[] a = new float[12];
        for (int i = 0; i < 12; i++) {
            a[i] = i / 7f;
        }
        return a;
    }

    @Test
    void readsFilesWrittenByNumpy() {
        NpyArray a = Npy.read(fixture("f4_3x4.npy"));
        assertArrayEquals(new int[] {3, 4}, a.shape());
        assertArrayEquals(sevenths(), a.data());
        NpyArray b = Npy.read(fixture("f4_1d.npy"));
        assertArrayEquals(new int[] {5}, b.shape());
        assertArrayEquals(B, b.data());
        NpyArray c = Npy.read(fixture("f4_0d.npy"));
        assertArrayEquals(new int[0], c.shape());
        assertArrayEquals(new float[] {0.75f}, c.data());
    }

    @Test
    void writesTheSameBytesAsNumpy() {
        assertArrayEquals(fixtureBytes("f4_3x4.npy"), Npy.toBytes(NpyArray.of(sevenths(), 3, 4), NpyLayout.DEFAULT));
        assertArrayEquals(fixtureBytes("f4_1d.npy"), Npy.toBytes(NpyArray.of(B, 5), NpyLayout.DEFAULT));
        assertArrayEquals(fixtureBytes("f4_0d.npy"), Npy.toBytes(NpyArray.of(new float[] {0.75f}), NpyLayout.DEFAULT));
        // A big-endian Fortran float64 header, byte for byte (the data differs: ours widens float32).
        byte[] numpy = fixtureBytes("f8_big_fortran_2x3.npy");
        NpyLayout f8 = new NpyLayout(new NpyDtype(NpyDtype.Precision.FLOAT64, ByteOrder.BIG_ENDIAN), true, 1);
        byte[] ours = Npy.toBytes(NpyArray.of(new float[6], 2, 3), f8);
        assertEquals(numpy.length, ours.length);
        assertArrayEquals(Arrays.copyOf(numpy, 128), Arrays.copyOf(ours, 128));
    }

    @Test
    void headerOfTheStandardMapIsPaddedTo128Bytes() {
        byte[] bytes = Npy.toBytes(NpyArray.of(new float[224 * 224], 224, 224), NpyLayout.DEFAULT);
        NpyHeader h = NpyHeader.parse(ByteBuffer.wrap(bytes), "m.npy");
        assertEquals(128, h.dataOffset());
        assertEquals('\n', bytes[127]);
        assertEquals(NpyDtype.LITTLE_FLOAT32, h.dtype());
        assertArrayEquals(new int[] {224, 224}, h.shape());
        assertEquals(128 + 224 * 224 * 4, bytes.length);
    }

    @Test
    void narrowsFloat64AndReordersFortranLikeNumpy() {
        NpyArray a = Npy.read(fixture("f8_big_fortran_2x3.npy"));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        // np.asfortranarray([[1,2,3],[4,5,6]] / 3).astype(np.float32).view(np.uint32) in C order
        int[] golden = {1051372203, 1059760811, 1065353216, 1068149419, 1070945621, 1073741824};
        assertArrayEquals(golden, bits(a.data()));
    }

    @Test
    void widensBigEndianFortranFloat16ExactlyLikeNumpy() {
        NpyArray a = Npy.read(fixture("f2_big_fortran.npy"));
        assertArrayEquals(new int[] {3, 4}, a.shape());
        // numpy: h.astype(np.float32).view(np.uint32), C order; includes a subnormal, ±inf and NaN
        int[] golden = {0x0, 0x3f800000, 0xc0000000, 0x477fe000, 0x33800000, 0xb87fc000, 0x7f800000, 0xff800000,
            0x7fc00000, 0x3eaa8000, 0x34000000, 0x80000000};
        assertArrayEquals(golden, bits(a.data()));
    }

    /** {float64 as hex, numpy's astype(np.float32) bits}: ties to even, overflow, subnormals. */
    private static final String[][] F64_TO_F32 = {
        {"0x1.5555555555555p-2", "3eaaaaab"}, {"0x1.999999999999ap-4", "3dcccccd"},
        {"0x1.7e43c8800759cp+996", "7f800000"}, {"-0x1.7e43c8800759cp+996", "ff800000"},
        {"0x1.244ce242c5561p-153", "0"}, {"0x1.ff868bf4d956ap-151", "0"}, {"0x1.8p-149", "2"},
        {"0x1.4p-148", "2"}, {"0x1.ffffffp+127", "7f800000"}, {"0x1.ffffff00dbe7p+127", "7f800000"},
        {"0x1.000001p+0", "3f800000"}, {"0x1.000003p+0", "3f800002"}, {"0x1.0000010000001p+0", "3f800001"},
        {"-0x0.0p+0", "80000000"}, {"0x0.0000000000001p-1022", "0"},
    };

    @Test
    void float64GoldenValuesNarrowAsNumpyDoes() {
        ByteBuffer data = ByteBuffer.allocate(8 * F64_TO_F32.length).order(ByteOrder.LITTLE_ENDIAN);
        for (String[] g : F64_TO_F32) {
            data.putDouble(Double.parseDouble(g[0]));
        }
        byte[] file = withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (" + F64_TO_F32.length + ",), }",
                data.array());
        float[] got = Npy.decode(ByteBuffer.wrap(file), "g.npy").data();
        for (int i = 0; i < got.length; i++) {
            assertEquals(Integer.parseUnsignedInt(F64_TO_F32[i][1], 16), Float.floatToRawIntBits(got[i]), F64_TO_F32[i][0]);
        }
    }

    @Test
    void roundTripsEveryDtypeOrderVersionAndShape() throws IOException {
        int[][] shapes = {{}, {0}, {7}, {3, 4}, {224, 224}, {2, 3, 4}, {2, 0, 3}, {1, 5, 1, 2}};
        for (NpyDtype.Precision p : NpyDtype.Precision.values()) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (boolean fortran : new boolean[] {false, true}) {
                    for (int version = 1; version <= 3; version++) {
                        NpyLayout layout = new NpyLayout(new NpyDtype(p, order), fortran, version);
                        for (int[] shape : shapes) {
                            roundTrip(layout, shape);
                        }
                    }
                }
            }
        }
    }

    private static void roundTrip(NpyLayout layout, int[] shape) throws IOException {
        NpyArray a = NpyArray.of(NpyTestFiles.halfExactValues(NpyHeader.elementCount(shape), shape.length), shape);
        String what = layout + " " + a.shapeString();
        byte[] bytes = Npy.toBytes(a, layout);
        NpyHeader h = NpyHeader.parse(ByteBuffer.wrap(bytes), "x");
        assertEquals(layout.dtype(), h.dtype(), what);
        assertEquals(layout.fortranOrder(), h.fortranOrder(), what);
        assertEquals(0, h.dataOffset() % 64, what);
        assertEquals(a, Npy.decode(ByteBuffer.wrap(bytes), "x"), what);
        assertEquals(a, Npy.read(new ByteArrayInputStream(bytes), "x"), what);
        // A buffer whose position is not 0 (a slice of a larger mapping) decodes the same.
        ByteBuffer shifted = ByteBuffer.allocateDirect(bytes.length + 3);
        shifted.position(3);
        shifted.put(bytes).position(3);
        assertEquals(a, Npy.decode(shifted, "x"), what);
        assertEquals(3, shifted.position());
    }

    @Test
    void fortranOrderIsReorderedToRowMajor() {
        // A 2x3x2 array whose element (i, j, k) is 100i + 10j + k, stored first-index-fastest.
        float[] fortran = new float[12];
        int n = 0;
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 2; i++) {
                    fortran[n++] = 100 * i + 10 * j + k;
                }
            }
        }
        byte[] file = withHeader("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3, 2), }", f4(fortran));
        float[] expected = {0, 1, 10, 11, 20, 21, 100, 101, 110, 111, 120, 121};
        assertArrayEquals(expected, Npy.decode(ByteBuffer.wrap(file), "f.npy").data());
    }

    @Test
    void writesAndReadsFiles(@TempDir Path dir) {
        NpyArray a = NpyArray.of(NpyTestFiles.halfExactValues(224 * 224, 9), 224, 224);
        Path f = dir.resolve("m.npy");
        Npy.write(f, a);
        assertEquals(a, Npy.read(f));
        NpyLayout half = new NpyLayout(new NpyDtype(NpyDtype.Precision.FLOAT16, ByteOrder.BIG_ENDIAN), true, 2);
        Npy.write(f, a, half);
        assertEquals(a, Npy.read(f));
    }

    @Test
    void parsesHeadersNumpyCanWriteOrRead() {
        String[] dicts = {
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
            "{\"shape\": (2,), \"fortran_order\": False, \"descr\": \"<f4\"}",
            "{'descr': u'<f4', 'fortran_order': False, 'shape': (2L,)}",
            "{'descr':'f4','fortran_order':False,'shape':(2,),}",
        };
        for (String d : dicts) {
            assertArrayEquals(new float[] {1, 2}, Npy.decode(ByteBuffer.wrap(withHeader(d, f4(1, 2))), "h.npy").data(), d);
        }
        // numpy requires a tuple: a list shape is refused by np.load too.
        assertRefused(withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': [2], }", f4(1, 2)), "'shape' is");
    }

    @Test
    void refusesPickledObjectArraysFromNumpy() {
        InputException e = assertThrows(InputException.class, () -> Npy.read(fixture("object.npy")));
        assertTrue(e.getMessage().startsWith(fixture("object.npy").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("pickled/object arrays are not accepted"), e.getMessage());
    }

    @Test
    void refusesDtypesOtherThanFloats() {
        String[][] cases = {
            {"<i4", "integer/bool dtype '<i4'"}, {"|u1", "integer/bool dtype '|u1'"}, {"|b1", "integer/bool"},
            {"<c8", "complex dtype '<c8'"}, {"<f16", "unsupported width"}, {"<U3", "unsupported dtype '<U3'"},
            {"|O", "pickled/object"}, {"<M8[s]", "unsupported dtype"},
        };
        for (String[] c : cases) {
            byte[] file = withHeader("{'descr': '" + c[0] + "', 'fortran_order': False, 'shape': (1,), }", new byte[16]);
            InputException e = assertRefused(file, c[1]);
            assertTrue(e.getMessage().contains("accepted dtypes are float16, float32 and float64"), e.getMessage());
        }
        assertRefused(withHeader("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", f4(1)),
                "structured (record) dtypes are not accepted");
    }

    @Test
    void refusesMalformedHeaders() {
        String[][] cases = {
            {"{'descr': '<f4', 'fortran_order': False}", "expected exactly the keys"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}", "expected exactly the keys"},
            {"{'descr': '<f4', 'fortran_order': 0, 'shape': (1,), }", "'fortran_order' is 0"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (1), }", "'shape' is 1"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", "invalid shape (-1,)"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': ('1',), }", "invalid shape"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (65536, 65536), }", "is too large"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", "is too large"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,)", "malformed NPY header"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,), } x", "unexpected text after"},
            {"{'descr': '<f4', 'fortran_order': __import__('os'), 'shape': (1,)}", "is not a Python literal"},
            {"{'descr': '<f4', 'descr': '<f4', 'shape': (1,)}", "appears twice"},
            {"['descr', '<f4']", "Python dict literal"},
            {"{'descr': 5, 'fortran_order': False, 'shape': (1,), }", "'descr' is 5"},
            {"{'descr: '<f4', 'fortran_order': False, 'shape': (1,), }", "malformed NPY header"},
        };
        for (String[] c : cases) {
            assertRefused(withHeader(c[0], f4(1)), c[1]);
        }
    }

    @Test
    void refusesBadMagicVersionAndTruncation() {
        byte[] good = withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", f4(1, 2, 3, 4));
        byte[] magic = good.clone();
        magic[1] = 'X';
        assertRefused(magic, "not an NPY file");
        byte[] version = good.clone();
        version[6] = 4;
        assertRefused(version, "unsupported NPY format version 4.0");
        assertRefused(Arrays.copyOf(good, 5), "truncated NPY file");
        assertRefused(Arrays.copyOf(good, 40), "truncated NPY header (declares 128 header bytes, the file has 40)");
        assertRefused(Arrays.copyOf(good, good.length - 1), "truncated NPY data (shape (2, 2) of <f4 needs 16 bytes");
        int offset = NpyHeader.parse(ByteBuffer.wrap(good), "g").dataOffset();
        assertRefused(Arrays.copyOf(good, offset), "needs 16 bytes after the header, found 0");
        byte[] longer = Arrays.copyOf(good, good.length + 4);
        assertRefused(longer, "unexpected bytes after the 16 data bytes");
        byte[] huge = good.clone();
        huge[8] = (byte) 0x20;
        huge[9] = (byte) 0x4e;
        assertRefused(huge, "exceeds the 10000-byte limit");
        byte[] utf8 = withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", 3, f4(1));
        utf8[20] = (byte) 0xff;
        assertRefused(utf8, "not valid UTF-8");
    }

    @Test
    void readingAMissingFileNamesIt(@TempDir Path dir) {
        Path f = dir.resolve("nope.npy");
        InputException e = assertThrows(InputException.class, () -> Npy.read(f));
        assertEquals(f + ": no such file", e.getMessage());
    }

    @Test
    void readsFromFileAndStreamRefuseTheSameWay(@TempDir Path dir) throws IOException {
        byte[] good = withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", f4(1, 2, 3, 4));
        Path f = dir.resolve("short.npy");
        Files.write(f, Arrays.copyOf(good, good.length - 3));
        InputException e = assertThrows(InputException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().startsWith(f + ": truncated NPY data"), e.getMessage());
    }

    /** Asserts that decoding and streaming both refuse, naming the source and the problem. */
    private static InputException assertRefused(byte[] file, String expected) {
        InputException e = assertThrows(InputException.class, () -> Npy.decode(ByteBuffer.wrap(file), "up/s1.npy"));
        assertTrue(e.getMessage().startsWith("up/s1.npy: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        InputException s = assertThrows(InputException.class,
                () -> Npy.read(new ByteArrayInputStream(file), "up/s1.npy"));
        assertTrue(s.getMessage().startsWith("up/s1.npy: "), s.getMessage());
        return e;
    }

    static int[] bits(float[] f) {
        int[] b = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = Float.floatToRawIntBits(f[i]);
        }
        return b;
    }
}
