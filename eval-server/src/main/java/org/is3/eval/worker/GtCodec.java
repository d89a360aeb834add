package org.is3.eval.worker;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;

/**
 * The stored form of a ground-truth map ({@code eval_sample.gt}, V2__eval.sql): the 224×224 map in
 * half-units, one byte per pixel, row-major, deflated (zlib). Mostly zeros, a map shrinks to a few
 * hundred bytes.
 */
final class GtCodec {
    private GtCodec() {
    }

    static byte[] deflate(GtMap map) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(map.toHalves());
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            byte[] chunk = new byte[4096];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * @param sample names the sample in the error when the bytes are not a stored map
     * @throws IllegalStateException when the bytes do not inflate to exactly 224×224 values in 0..2
     */
    static GtMap inflate(byte[] deflated, String sample) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            byte[] halves = new byte[Grid.PIXELS];
            int n = 0;
            while (n < halves.length && !inflater.finished()) {
                int got = inflater.inflate(halves, n, halves.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            // a stream that ends exactly at the buffer's end reports finished only when asked once more
            boolean overlong = n == halves.length && !inflater.finished() && inflater.inflate(new byte[1]) > 0;
            if (n != halves.length || overlong || !inflater.finished()) {
                throw new IllegalStateException("stored ground truth of sample " + sample + " is damaged: expected "
                        + Grid.PIXELS + " deflated half-unit values");
            }
            return GtMap.fromHalves(halves);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalStateException("stored ground truth of sample " + sample + " is damaged: "
                    + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
