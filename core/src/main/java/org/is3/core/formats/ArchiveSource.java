package org.is3.core.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.is3.core.InputException;

/**
 * A zip or npz archive of {@code <id>.npy} members. The central directory and every member's local
 * header are checked when the archive is opened (names, links, counts, declared sizes, compression
 * ratios, bounds), so a bad upload fails before any scoring starts. Stored members are decoded
 * straight from the memory-mapped file; deflated ones are inflated into exactly the declared size
 * and no further.
 */
final class ArchiveSource implements PredictionSource {
    static final int STORED = 0;
    static final int DEFLATED = 8;
    private static final int LOCAL_SIG = 0x04034b50;

    /** A member ready to read: where its data starts and what the central directory declared. */
    private record Member(String name, int method, long crc, long compressedSize, long size, long dataOffset) {
    }

    private final Path file;
    private final String kind;
    private final MappedFile mapped;
    private final Map<String, Member> members;
    private final List<String> ids;

    private ArchiveSource(Path file, String kind, MappedFile mapped, Map<String, Member> members) {
        this.file = file;
        this.kind = kind;
        this.mapped = mapped;
        this.members = members;
        this.ids = List.copyOf(members.keySet());
    }

    static ArchiveSource open(Path file, Limits limits) {
        return open(file, limits, MappedFile.DEFAULT_STRIDE);
    }

    static ArchiveSource open(Path file, Limits limits, long mappingStride) {
        String source = file.toString();
        MappedFile mapped;
        try {
            mapped = MappedFile.open(file, mappingStride);
        } catch (IOException e) {
            throw new InputException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            List<ZipCentralDirectory.Entry> entries = ZipCentralDirectory.read(mapped, source, limits.maxEntries());
            ArchiveRules.checkAll(entries, limits, source);
            SampleIds<Member> ids = new SampleIds<>();
            for (ZipCentralDirectory.Entry e : entries) {
                String id = ArchiveRules.sampleId(e, source);
                if (id != null) {
                    ids.add(id, locate(mapped, e, source), e.name());
                }
            }
            String kind = source.toLowerCase(Locale.ROOT).endsWith(".npz") ? "NPZ archive" : "zip archive";
            return new ArchiveSource(file, kind, mapped, ids.finish(source));
        } catch (RuntimeException e) {
            mapped.close();
            throw e;
        }
    }

    /** Reads the member's local header to find where its data starts, and checks it lies in the file. */
    private static Member locate(MappedFile mapped, ZipCentralDirectory.Entry e, String source) {
        long at = e.localHeaderOffset();
        if (!mapped.contains(at, 30) || mapped.slice(at, 30).getInt(0) != LOCAL_SIG) {
            throw ZipCentralDirectory.corrupt(source, "entry '" + e.name() + "' has no local header at offset " + at);
        }
        ByteBuffer local = mapped.slice(at, 30);
        int nameLength = local.getShort(26) & 0xffff;
        int extraLength = local.getShort(28) & 0xffff;
        if (!mapped.contains(at + 30, nameLength)
                || !mapped.slice(at + 30, nameLength).equals(ByteBuffer.wrap(e.nameBytes()))) {
            throw ZipCentralDirectory.corrupt(source, "entry '" + e.name()
                    + "' has a different name in its local header than in the central directory");
        }
        long data = at + 30 + nameLength + extraLength;
        if (!mapped.contains(data, e.compressedSize())) {
            throw ZipCentralDirectory.corrupt(source, "the data of entry '" + e.name() + "' (" + e.compressedSize()
                    + " bytes at offset " + data + ") runs past the end of the file");
        }
        return new Member(e.name(), e.method(), e.crc(), e.compressedSize(), e.size(), data);
    }

    @Override
    public List<String> ids() {
        return ids;
    }

    @Override
    public NpyArray read(String id) {
        return read(id, null);
    }

    @Override
    public NpyArray read(String id, float[] reuse) {
        Member m = members.get(id);
        if (m == null) {
            throw new IllegalArgumentException("no sample '" + id + "' in " + file);
        }
        String source = file + " entry '" + m.name() + "'";
        ByteBuffer bytes = m.method() == STORED ? mapped.slice(m.dataOffset(), (int) m.size()) : inflate(m, source);
        CRC32 crc = new CRC32();
        crc.update(bytes.duplicate());
        if (crc.getValue() != m.crc()) {
            throw new InputException(source + ": CRC-32 mismatch (the archive is corrupt)");
        }
        return Npy.decode(bytes, source, reuse);
    }

    /**
     * Inflates into a buffer of exactly the declared size; a stream that would produce more is
     * stopped there (a zip bomb lies about its size), one that produces less is truncated.
     */
    private ByteBuffer inflate(Member m, String source) {
        int size = (int) m.size();
        byte[] out = ScratchBuffers.heap(size);
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(mapped.slice(m.dataOffset(), (int) m.compressedSize()));
            int n = 0;
            while (n < size) {
                int k = inflater.inflate(out, n, size - n);
                if (k == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n < size) {
                throw new InputException(source + ": truncated deflate data (inflated " + n + " of the "
                        + size + " declared bytes)");
            }
            if (!inflater.finished() && inflater.inflate(new byte[1]) > 0) {
                throw new InputException(source + ": inflates to more than its declared " + size
                        + " bytes (zip bomb?)");
            }
        } catch (DataFormatException e) {
            throw new InputException(source + ": corrupt deflate data (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
        return ByteBuffer.wrap(out, 0, size).slice();
    }

    @Override
    public String describe() {
        long stored = members.values().stream().filter(m -> m.method() == STORED).count();
        return kind + " " + file + ": " + members.size() + " samples (" + stored + " stored, "
                + (members.size() - stored) + " deflated)";
    }

    @Override
    public void close() {
        mapped.close();
    }
}
