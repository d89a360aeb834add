package org.is3.core.formats;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.is3.core.InputException;

/**
 * The header of an NPY file (numpy's {@code lib/format.py}, versions 1.0, 2.0 and 3.0): the dtype,
 * whether the data is in Fortran (column-major) order, the shape, and where the data starts.
 *
 * @param dataOffset bytes from the start of the file to the first data byte
 */
public record NpyHeader(NpyDtype dtype, boolean fortranOrder, int[] shape, int dataOffset) {
    /** numpy 1.26 refuses longer headers too ({@code _MAX_HEADER_SIZE}); they only serve attacks. */
    public static final int MAX_HEADER_BYTES = 10_000;
    /** The largest element count a Java float[] holds. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    static final int MAGIC_LENGTH = 6;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
    /** numpy pads headers so the data starts on a 64-byte boundary. */
    private static final int ARRAY_ALIGN = 64;
    /** numpy leaves room to grow the first (C) or last (Fortran) axis in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    public NpyHeader {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.min(n * d, MAX_ELEMENTS + 1);
        }
        if (n > MAX_ELEMENTS) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has too many elements");
        }
    }

    /** A copy of the shape; {@code []} for a 0-d array. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    /** The product of the shape (1 for a 0-d array). */
    public int elementCount() {
        return elementCount(shape);
    }

    static int elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return (int) n;
    }

    /** The exact number of data bytes that must follow the header. */
    public long dataBytes() {
        return (long) elementCount() * dtype.itemSize();
    }

    /**
     * Reads the fixed prefix (magic, version, header length) at the buffer's position and returns
     * the data offset it declares. Needs at most 12 bytes; does not move the buffer.
     */
    static int declaredDataOffset(ByteBuffer b, String source) {
        ByteBuffer in = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < MAGIC_LENGTH + 4) {
            throw truncated(source, in.remaining());
        }
        for (int i = 0; i < MAGIC_LENGTH; i++) {
            if (in.get(i) != MAGIC[i]) {
                throw new InputException(source + ": not an NPY file (it does not start with the"
                        + " magic bytes \\x93NUMPY)");
            }
        }
        int major = in.get(6) & 0xff;
        int minor = in.get(7) & 0xff;
        long headerLength;
        int prefix;
        if (major == 1 && minor == 0) {
            headerLength = in.getShort(8) & 0xffff;
            prefix = 10;
        } else if ((major == 2 || major == 3) && minor == 0) {
            if (in.remaining() < 12) {
                throw truncated(source, in.remaining());
            }
            headerLength = in.getInt(8) & 0xffffffffL;
            prefix = 12;
        } else {
            throw new InputException(source + ": unsupported NPY format version " + major + "." + minor
                    + " (expected 1.0, 2.0 or 3.0)");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new InputException(source + ": NPY header of " + headerLength + " bytes exceeds the "
                    + MAX_HEADER_BYTES + "-byte limit (numpy refuses it too)");
        }
        return prefix + (int) headerLength;
    }

    /** Parses the header at the buffer's position; does not move the buffer. */
    public static NpyHeader parse(ByteBuffer b, String source) {
        int offset = declaredDataOffset(b, source);
        ByteBuffer in = b.slice();
        if (in.remaining() < offset) {
            throw new InputException(source + ": truncated NPY header (declares " + offset
                    + " header bytes, the file has " + in.remaining() + ")");
        }
        int prefix = in.get(6) == 1 ? 10 : 12;
        String text = decodeText(in.slice(prefix, offset - prefix), in.get(6) == 3, source);
        Map<String, Object> dict = PythonLiteral.parseDict(text, source);
        if (!dict.keySet().equals(KEYS)) {
            throw new InputException(source + ": malformed NPY header (expected exactly the keys"
                    + " 'descr', 'fortran_order', 'shape', found " + dict.keySet() + ")");
        }
        NpyDtype dtype = dtypeOf(dict.get("descr"), source);
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new InputException(source + ": malformed NPY header ('fortran_order' is "
                    + dict.get("fortran_order") + ", expected True or False)");
        }
        return new NpyHeader(dtype, fortran, shapeOf(dict.get("shape"), source), offset);
    }

    private static String decodeText(ByteBuffer bytes, boolean utf8, String source) {
        if (!utf8) {
            return StandardCharsets.ISO_8859_1.decode(bytes).toString();
        }
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return cb.toString();
        } catch (CharacterCodingException e) {
            throw new InputException(source + ": malformed NPY 3.0 header (not valid UTF-8)", e);
        }
    }

    private static NpyDtype dtypeOf(Object descr, String source) {
        if (descr instanceof String s) {
            return NpyDtype.parse(s, source);
        }
        if (descr instanceof PythonLiteral.PyList) {
            throw new InputException(source + ": structured (record) dtypes are not accepted; "
                    + NpyDtype.ACCEPTED);
        }
        throw new InputException(source + ": malformed NPY header ('descr' is " + descr
                + ", expected a dtype string such as '<f4')");
    }

    private static int[] shapeOf(Object value, String source) {
        if (!(value instanceof PythonLiteral.Tuple t)) {
            throw new InputException(source + ": malformed NPY header ('shape' is " + value
                    + ", expected a tuple of non-negative integers)");
        }
        List<Object> items = t.items();
        int[] shape = new int[items.size()];
        BigInteger count = BigInteger.ONE;
        for (int i = 0; i < shape.length; i++) {
            if (!(items.get(i) instanceof BigInteger d) || d.signum() < 0) {
                throw new InputException(source + ": invalid shape " + describe(items)
                        + " (dimensions must be non-negative integers)");
            }
            count = count.multiply(d);
            shape[i] = d.bitLength() < 32 ? d.intValue() : -1;
        }
        if (count.compareTo(BigInteger.valueOf(MAX_ELEMENTS)) > 0 || Arrays.stream(shape).anyMatch(d -> d < 0)) {
            throw new InputException(source + ": shape " + describe(items) + " is too large (at most "
                    + MAX_ELEMENTS + " elements and dimensions are accepted)");
        }
        return shape;
    }

    private static String describe(List<Object> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", items.size() == 1 ? ",)" : ")"));
    }

    private static InputException truncated(String source, int available) {
        return new InputException(source + ": truncated NPY file (" + available
                + " bytes, shorter than the magic, version and header length)");
    }

    /**
     * The header bytes numpy 1.26 writes for this dtype, order and shape in the given format
     * version ({@code _write_array_header}): sorted keys, growth padding, spaces and a newline up to
     * a multiple of 64 bytes. {@link #dataOffset} of this header is ignored.
     */
    byte[] encode(int majorVersion) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(dtype.descr()).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': ").append(Npy.shapeString(shape)).append(", }");
        if (shape.length > 0) {
            int axis = fortranOrder ? shape[shape.length - 1] : shape[0];
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(axis).length()));
        }
        byte[] text = dict.toString().getBytes(majorVersion == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int prefix = majorVersion == 1 ? 10 : 12;
        int textWithNewline = text.length + 1;
        int pad = ARRAY_ALIGN - (prefix + textWithNewline) % ARRAY_ALIGN;
        int headerLength = textWithNewline + pad;
        if (majorVersion == 1 && headerLength > 0xffff) {
            throw new IllegalArgumentException("header of " + headerLength + " bytes needs NPY version 2.0");
        }
        ByteBuffer out = ByteBuffer.allocate(prefix + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) majorVersion).put((byte) 0);
        if (majorVersion == 1) {
            out.putShort((short) headerLength);
        } else {
            out.putInt(headerLength);
        }
        out.put(text);
        for (int i = 0; i < pad; i++) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && h.dtype.equals(dtype) && h.fortranOrder == fortranOrder
                && Arrays.equals(h.shape, shape) && h.dataOffset == dataOffset;
    }

    @Override
    public int hashCode() {
        return (dtype.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + dataOffset + (fortranOrder ? 1 : 0);
    }

    @Override
    public String toString() {
        return "NpyHeader[" + dtype.descr() + ", fortran=" + fortranOrder + ", shape=" + Npy.shapeString(shape)
                + ", dataOffset=" + dataOffset + "]";
    }
}
