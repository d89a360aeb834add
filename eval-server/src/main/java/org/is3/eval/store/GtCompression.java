package org.is3.eval.store;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;

/**
 * The stored form of a GT map ({@code eval_sample.gt}): the 224×224 map in half-units, one byte per
 * pixel row-major ({@link GtMap#toHalves()}), deflated. Maps are mostly zeros with a few long runs,
 * so a map of 50,176 bytes stores in well under a kilobyte. One instance holds one native deflater
 * and inflater for a whole import or load; {@link #close()} frees them. Not thread-safe: a parallel
 * load gives each thread its own.
 */
public final class GtCompression implements AutoCloseable {

    private final Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    private final Inflater inflater = new Inflater();
    private final byte[] chunk = new byte[8192];
    private final byte[] halves = new byte[Grid.PIXELS];

    public byte[] deflate(GtMap map) {
        deflater.reset();
        deflater.setInput(map.toHalves());
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        return out.toByteArray();
    }

    /**
     * The map stored in {@code blob}.
     *
     * @param where names the row for the error, e.g. "sample x of split 3"
     * @throws IllegalStateException when the blob is not a deflated 224×224 half-unit map: damaged
     *                               (not a deflate stream, or the wrong length) or corrupt (a value
     *                               outside 0..2 half-units)
     */
    public GtMap inflate(byte[] blob, String where) {
        inflater.reset();
        inflater.setInput(blob);
        try {
            int filled = 0;
            boolean overlong = false;
            while (!inflater.finished() && !overlong) {
                int n = filled < halves.length
                        ? inflater.inflate(halves, filled, halves.length - filled) : inflater.inflate(chunk);
                if (filled == halves.length) {
                    overlong = n > 0;
                } else {
                    filled += n;
                }
                if (n == 0 && !inflater.finished()) {
                    break; // truncated: the inflater needs input it will not get
                }
            }
            if (overlong || filled != halves.length || !inflater.finished()) {
                throw new IllegalStateException("stored ground truth of " + where + " is damaged: not a "
                        + Grid.SIZE + "x" + Grid.SIZE + " map, it inflates to "
                        + (overlong ? "more than " + halves.length : filled + "") + " bytes, expected " + halves.length);
            }
            return GtMap.fromHalves(halves);
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored ground truth of " + where + " is damaged: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored ground truth of " + where + " is corrupt: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        deflater.end();
        inflater.end();
    }
}
