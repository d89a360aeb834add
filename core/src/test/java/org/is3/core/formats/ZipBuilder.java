package org.is3.core.formats;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip archives field by field, so tests can make what java.util.zip cannot: symlink entries,
 * lying sizes, ZIP64 extras on small members (as numpy's savez does), bad names and methods.
 */
final class ZipBuilder {
    /** One member; every field may be changed before {@link #build()}. */
    static final class Member {
        String name;
        byte[] data;
        int method;
        byte[] payload;
        long crc;
        long size;
        long compressedSize;
        int madeBy = (3 << 8) | 20;
        long externalAttributes = 0100644L << 16;
        int flags;
        boolean zip64;
        String localName;

        Member(String name, byte[] data, int method) {
            this.name = name;
            this.data = data;
            this.method = method;
            this.payload = method == 8 ? deflate(data) : data;
            CRC32 c = new CRC32();
            c.update(data);
            this.crc = c.getValue();
            this.size = data.length;
            this.compressedSize = payload.length;
        }
    }

    private final List<Member> members = new ArrayList<>();
    boolean zip64End;
    byte[] prefix = new byte[0];

    Member add(String name, byte[] data, int method) {
        Member m = new Member(name, data, method);
        members.add(m);
        return m;
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        long[] offsets = new long[members.size()];
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            offsets[i] = out.size();
            byte[] name = (m.localName != null ? m.localName : m.name).getBytes(StandardCharsets.UTF_8);
            byte[] extra = m.zip64 ? zip64Extra(m.size, m.compressedSize, -1) : new byte[0];
            ByteBuffer h = le(30);
            h.putInt(0x04034b50).putShort((short) (m.zip64 ? 45 : 20)).putShort((short) m.flags)
                    .putShort((short) m.method).putInt(0).putInt((int) m.crc)
                    .putInt(m.zip64 ? -1 : (int) m.compressedSize).putInt(m.zip64 ? -1 : (int) m.size)
                    .putShort((short) name.length).putShort((short) extra.length);
            out.writeBytes(h.array());
            out.writeBytes(name);
            out.writeBytes(extra);
            out.writeBytes(m.payload);
        }
        long cdStart = out.size();
        for (int i = 0; i < members.size(); i++) {
            out.writeBytes(central(members.get(i), offsets[i]));
        }
        long cdSize = out.size() - cdStart;
        if (zip64End) {
            long at = out.size();
            ByteBuffer z = le(56);
            z.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(members.size()).putLong(members.size()).putLong(cdSize).putLong(cdStart);
            out.writeBytes(z.array());
            ByteBuffer loc = le(20);
            loc.putInt(0x07064b50).putInt(0).putLong(at).putInt(1);
            out.writeBytes(loc.array());
        }
        ByteBuffer e = le(22);
        e.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) (zip64End ? 0xffff : members.size())).putShort((short) (zip64End ? 0xffff : members.size()))
                .putInt(zip64End ? -1 : (int) cdSize).putInt(zip64End ? -1 : (int) cdStart).putShort((short) 0);
        out.writeBytes(e.array());
        return out.toByteArray();
    }

    private static byte[] central(Member m, long offset) {
        byte[] name = m.name.getBytes(StandardCharsets.UTF_8);
        byte[] extra = m.zip64 ? zip64Extra(m.size, m.compressedSize, offset) : new byte[0];
        ByteBuffer c = le(46 + name.length + extra.length);
        c.putInt(0x02014b50).putShort((short) m.madeBy).putShort((short) (m.zip64 ? 45 : 20))
                .putShort((short) m.flags).putShort((short) m.method).putInt(0).putInt((int) m.crc)
                .putInt(m.zip64 ? -1 : (int) m.compressedSize).putInt(m.zip64 ? -1 : (int) m.size)
                .putShort((short) name.length).putShort((short) extra.length).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt((int) m.externalAttributes)
                .putInt(m.zip64 ? -1 : (int) offset).put(name).put(extra);
        return c.array();
    }

    private static byte[] zip64Extra(long size, long compressed, long offset) {
        ByteBuffer b = le(offset >= 0 ? 28 : 20);
        b.putShort((short) 1).putShort((short) (offset >= 0 ? 24 : 16)).putLong(size).putLong(compressed);
        if (offset >= 0) {
            b.putLong(offset);
        }
        return b.array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
