package org.is3.core.formats;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.is3.core.InputException;

/**
 * Reads a zip file's central directory (APPNOTE 6.3: end of central directory record, its ZIP64
 * locator and record, and the ZIP64 extra field of each entry). numpy's {@code savez} writes every
 * member with {@code force_zip64=True}, and archives over 4 GiB need ZIP64 offsets, so all of it
 * is handled. Only what the archive declares is read here; nothing is inflated.
 */
final class ZipCentralDirectory {
    /** One member as the central directory declares it. */
    record Entry(String name, byte[] nameBytes, int madeBy, int flags, int method, long crc, long compressedSize,
            long size, long localHeaderOffset, long externalAttributes) {
        private static final int UNIX_HOST = 3;
        private static final int S_IFMT = 0170000;
        private static final int S_IFLNK = 0120000;
        private static final int S_IFDIR = 0040000;

        boolean isDirectory() {
            return name.endsWith("/") || (madeBy >> 8 == UNIX_HOST && unixType() == S_IFDIR);
        }

        /** A symbolic link as Info-ZIP and Python's zipfile record it: a unix mode in the high 16 bits. */
        boolean isSymlink() {
            return madeBy >> 8 == UNIX_HOST && unixType() == S_IFLNK;
        }

        private long unixType() {
            return (externalAttributes >>> 16) & S_IFMT;
        }

        boolean isEncrypted() {
            return (flags & 1) != 0;
        }
    }

    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CENTRAL_SIG = 0x02014b50;
    private static final int EOCD_LENGTH = 22;
    private static final int MAX_COMMENT = 0xffff;
    private static final long MAX_CENTRAL_DIRECTORY = 1L << 30;
    private static final Charset CP437 = Charset.isSupported("IBM437") ? Charset.forName("IBM437")
            : StandardCharsets.ISO_8859_1;

    private ZipCentralDirectory() {
    }

    /** The declared entries, in central-directory order; refuses more than {@code maxEntries}. */
    static List<Entry> read(MappedFile file, String source, int maxEntries) {
        long eocd = findEndRecord(file, source);
        ByteBuffer end = file.slice(eocd, EOCD_LENGTH);
        long count = end.getShort(10) & 0xffff;
        long cdSize = end.getInt(12) & 0xffffffffL;
        long cdOffset = end.getInt(16) & 0xffffffffL;
        boolean multiDisk = end.getShort(4) != 0 || end.getShort(6) != 0;
        long cdLimit = eocd;
        if (eocd >= 20 && file.slice(eocd - 20, 20).getInt(0) == ZIP64_LOCATOR_SIG) {
            ByteBuffer locator = file.slice(eocd - 20, 20);
            long at = locator.getLong(8);
            if (!file.contains(at, 56) || file.slice(at, 56).getInt(0) != ZIP64_EOCD_SIG) {
                throw corrupt(source, "the ZIP64 end of central directory record is missing or damaged");
            }
            ByteBuffer z = file.slice(at, 56);
            multiDisk |= z.getInt(16) != 0 || z.getInt(20) != 0;
            count = z.getLong(32);
            cdSize = z.getLong(40);
            cdOffset = z.getLong(48);
            cdLimit = at;
        }
        if (multiDisk) {
            throw new InputException(source + ": multi-disk (split) zip archives are not accepted");
        }
        if (count < 0 || count > maxEntries) {
            throw new InputException(source + ": declares " + Long.toUnsignedString(count) + " entries, more than the limit of "
                    + maxEntries + " (zip bomb?)");
        }
        if (cdSize > MAX_CENTRAL_DIRECTORY || !file.contains(cdOffset, cdSize) || cdOffset + cdSize > cdLimit) {
            throw corrupt(source, "the central directory (" + cdSize + " bytes at offset " + cdOffset
                    + ") lies outside the file");
        }
        return entries(file.slice(cdOffset, (int) cdSize), (int) count, source);
    }

    /** The end record is the last 22+ bytes; a trailing comment of up to 64 KiB may follow it. */
    private static long findEndRecord(MappedFile file, String source) {
        long size = file.size();
        if (size < EOCD_LENGTH) {
            throw corrupt(source, "the file is too short to be a zip archive (" + size + " bytes)");
        }
        long from = Math.max(0, size - EOCD_LENGTH - MAX_COMMENT);
        ByteBuffer tail = file.slice(from, (int) (size - from));
        for (int p = tail.limit() - EOCD_LENGTH; p >= 0; p--) {
            if (tail.getInt(p) == EOCD_SIG) {
                int comment = tail.getShort(p + 20) & 0xffff;
                if (p + EOCD_LENGTH + comment <= tail.limit()) {
                    return from + p;
                }
            }
        }
        throw corrupt(source, "no end of central directory record (not a zip archive, or truncated)");
    }

    private static List<Entry> entries(ByteBuffer cd, int count, String source) {
        List<Entry> out = new ArrayList<>(count);
        int p = 0;
        for (int i = 0; i < count; i++) {
            if (p + 46 > cd.limit() || cd.getInt(p) != CENTRAL_SIG) {
                throw corrupt(source, "central directory entry " + (i + 1) + " of " + count + " is damaged");
            }
            int nameLength = cd.getShort(p + 28) & 0xffff;
            int extraLength = cd.getShort(p + 30) & 0xffff;
            int commentLength = cd.getShort(p + 32) & 0xffff;
            int next = p + 46 + nameLength + extraLength + commentLength;
            if (next > cd.limit()) {
                throw corrupt(source, "central directory entry " + (i + 1) + " of " + count + " is truncated");
            }
            out.add(entry(cd, p, nameLength, extraLength, source));
            p = next;
        }
        if (p != cd.limit()) {
            throw corrupt(source, "the central directory holds more than the " + count + " entries it declares");
        }
        return out;
    }

    private static Entry entry(ByteBuffer cd, int p, int nameLength, int extraLength, String source) {
        int flags = cd.getShort(p + 8) & 0xffff;
        byte[] nameBytes = new byte[nameLength];
        cd.get(p + 46, nameBytes);
        String name = new String(nameBytes, (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : CP437);
        long[] wide = {cd.getInt(p + 24) & 0xffffffffL, cd.getInt(p + 20) & 0xffffffffL, cd.getInt(p + 42) & 0xffffffffL};
        applyZip64Extra(cd, p + 46 + nameLength, extraLength, wide, name, source);
        if ((cd.getShort(p + 34) & 0xffff) != 0 && (cd.getShort(p + 34) & 0xffff) != 0xffff) {
            throw new InputException(source + ": entry '" + name + "' lies on another disk (split archive)");
        }
        return new Entry(name, nameBytes, cd.getShort(p + 4) & 0xffff, flags, cd.getShort(p + 10) & 0xffff,
                cd.getInt(p + 16) & 0xffffffffL, wide[1], wide[0], wide[2], cd.getInt(p + 38) & 0xffffffffL);
    }

    /**
     * Replaces each 32-bit field that is 0xFFFFFFFF by the next 64-bit value of the ZIP64 extra field
     * (header id 1), in the order uncompressed size, compressed size, local header offset.
     */
    private static void applyZip64Extra(ByteBuffer cd, int start, int length, long[] wide, String name, String source) {
        int p = start;
        int end = start + length;
        while (p + 4 <= end) {
            int id = cd.getShort(p) & 0xffff;
            int size = cd.getShort(p + 2) & 0xffff;
            if (p + 4 + size > end) {
                break;
            }
            if (id == 1) {
                int q = p + 4;
                for (int k = 0; k < wide.length; k++) {
                    if (wide[k] == 0xffffffffL) {
                        if (q + 8 > p + 4 + size) {
                            throw corrupt(source, "entry '" + name + "' has a short ZIP64 extra field");
                        }
                        wide[k] = cd.getLong(q);
                        q += 8;
                    }
                }
            }
            p += 4 + size;
        }
        for (long w : wide) {
            if (w < 0) {
                throw corrupt(source, "entry '" + name + "' declares a size or offset beyond 2^63");
            }
        }
    }

    static InputException corrupt(String source, String what) {
        return new InputException(source + ": corrupt or truncated zip archive: " + what);
    }
}
