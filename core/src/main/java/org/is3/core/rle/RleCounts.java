package org.is3.core.rle;

import java.util.Arrays;
import org.is3.core.InputException;

/**
 * pycocotools' compressed counts string ({@code rleToString} / {@code rleFrString} in maskApi.c):
 * each run length, from the fourth on as the difference to the run two before, is written as a
 * little-endian sequence of 5-bit groups, one character each ({@code '0' + group}), with 0x20
 * marking "more groups follow" and 0x10 in the last group giving the sign.
 */
final class RleCounts {
    /** Seven groups carry 35 bits, enough for any run of a mask with up to 2^31 pixels. */
    private static final int MAX_GROUPS = 7;

    private RleCounts() {
    }

    static String encode(int[] runs) {
        StringBuilder sb = new StringBuilder(runs.length * 2);
        for (int i = 0; i < runs.length; i++) {
            long x = runs[i];
            if (i > 2) {
                x -= runs[i - 2];
            }
            boolean more = true;
            while (more) {
                int c = (int) (x & 0x1f);
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                sb.append((char) (c + 48));
            }
        }
        return sb.toString();
    }

    /**
     * Decodes and validates: every character in {@code '0'..'o'}, no unfinished group sequence,
     * no negative run, and the runs cover exactly {@code pixels}.
     */
    static int[] decode(String s, long pixels, String source) {
        int[] runs = new int[s.length()];
        int m = 0;
        long total = 0;
        int p = 0;
        while (p < s.length()) {
            int start = p;
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= s.length()) {
                    throw invalid(source, "the run starting at character " + start + " is cut off (truncated counts)");
                }
                char ch = s.charAt(p);
                if (ch < '0' || ch > 'o') {
                    throw invalid(source, "character '" + ch + "' at " + p + " is outside '0'..'o'");
                }
                if (k == MAX_GROUPS) {
                    throw invalid(source, "the run starting at character " + start + " is longer than " + MAX_GROUPS
                            + " characters");
                }
                int c = ch - 48;
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            if (m > 2) {
                x += runs[m - 2];
            }
            if (x < 0) {
                throw invalid(source, "run " + (m + 1) + " is negative (" + x + ")");
            }
            total += x;
            if (total > pixels) {
                throw invalid(source, "the runs cover more than the " + pixels + " pixels of the mask");
            }
            runs[m++] = (int) x;
        }
        if (total != pixels) {
            throw invalid(source, "the runs cover " + total + " of the " + pixels + " pixels of the mask");
        }
        return Arrays.copyOf(runs, m);
    }

    static InputException invalid(String source, String what) {
        return new InputException(source + ": invalid COCO RLE counts (" + what + ")");
    }
}
