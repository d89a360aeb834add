package org.is3.core.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.is3.core.InputException;

/**
 * One NPY array whose first axis is the sample ({@code N×224×224}, say), with the ids in a text
 * file of N lines. The file is memory-mapped and each sample decoded from its own slice, so a
 * multi-gigabyte stack is never read whole.
 */
final class StackSource implements PredictionSource {
    private static final long MAX_IDS_FILE = 256L << 20;

    private final Path file;
    private final MappedFile mapped;
    private final NpyHeader header;
    private final int[] sampleShape;
    private final int sampleSize;
    private final Map<String, Integer> index;
    private final List<String> ids;

    private StackSource(Path file, MappedFile mapped, NpyHeader header, Map<String, Integer> index) {
        this.file = file;
        this.mapped = mapped;
        this.header = header;
        int[] shape = header.shape();
        this.sampleShape = Arrays.copyOfRange(shape, 1, shape.length);
        this.sampleSize = NpyHeader.elementCount(sampleShape);
        this.index = index;
        this.ids = List.copyOf(index.keySet());
    }

    static StackSource open(Path file, Path idsFile) {
        String source = file.toString();
        List<String> lines = readIds(idsFile);
        MappedFile mapped;
        try {
            mapped = MappedFile.open(file);
        } catch (IOException e) {
            throw new InputException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            NpyHeader h = NpyHeader.parse(mapped.slice(0, (int) Math.min(mapped.size(), 12 + NpyHeader.MAX_HEADER_BYTES)), source);
            Npy.checkDataLength(h, mapped.size() - h.dataOffset(), source);
            if (h.ndim() < 1) {
                throw new InputException(source + ": a stack needs at least one axis (the samples), found a 0-d array");
            }
            if (h.fortranOrder() && mapped.size() > Integer.MAX_VALUE) {
                throw new InputException(source + ": Fortran-ordered stacks over 2 GiB are not accepted;"
                        + " save np.ascontiguousarray(stack) instead");
            }
            long sampleBytes = h.dataBytes() / Math.max(1, h.shape()[0]);
            if (sampleBytes > Integer.MAX_VALUE - 8) {
                throw new InputException(source + ": one sample of shape " + Npy.shapeString(h.shape())
                        + " takes more than 2 GiB");
            }
            int n = h.shape()[0];
            if (lines.size() != n) {
                throw new InputException(idsFile + ": has " + lines.size() + " ids but " + file + " holds " + n
                        + " samples (shape " + Npy.shapeString(h.shape()) + ")");
            }
            SampleIds<Integer> ids = new SampleIds<>();
            for (int i = 0; i < n; i++) {
                ids.add(lines.get(i), i, "line " + (i + 1));
            }
            return new StackSource(file, mapped, h, ids.finish(idsFile.toString()));
        } catch (RuntimeException e) {
            mapped.close();
            throw e;
        }
    }

    private static List<String> readIds(Path idsFile) {
        List<String> lines;
        try {
            if (Files.size(idsFile) > MAX_IDS_FILE) {
                throw new InputException(idsFile + ": larger than " + MAX_IDS_FILE + " bytes");
            }
            lines = Files.readAllLines(idsFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(idsFile + ": cannot be read as UTF-8 text (" + e.getMessage() + ")", e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String id = lines.get(i).strip();
            if (id.isEmpty()) {
                throw new InputException(idsFile + ": line " + (i + 1) + " is empty; expected one sample id per line");
            }
            lines.set(i, id);
        }
        return lines;
    }

    @Override
    public List<String> ids() {
        return ids;
    }

    @Override
    public NpyArray read(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new IllegalArgumentException("no sample '" + id + "' in " + file);
        }
        NpyDtype dtype = header.dtype();
        int item = dtype.itemSize();
        float[] out = new float[sampleSize];
        if (!header.fortranOrder()) {
            long start = header.dataOffset() + (long) i * sampleSize * item;
            NpyElements.decode(dtype, mapped.slice(start, sampleSize * item), 0, out, 0, sampleSize);
            return new NpyArray(sampleShape, out);
        }
        // In Fortran order sample i's elements are N items apart, themselves in Fortran order.
        long n = header.shape()[0];
        NpyElements.decodeStrided(dtype, mapped.slice(0, (int) mapped.size()), header.dataOffset() + (long) i * item,
                n * item, out, sampleSize);
        return new NpyArray(sampleShape, FortranOrder.toC(out, sampleShape));
    }

    @Override
    public String describe() {
        return "NPY stack " + file + ": " + ids.size() + " samples of shape " + Npy.shapeString(sampleShape) + " "
                + header.dtype().descr() + (header.fortranOrder() ? " (Fortran order)" : "");
    }

    @Override
    public void close() {
        mapped.close();
    }
}
