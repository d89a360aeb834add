package org.is3.core.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Float16Test {
    @Test
    void everyHalfWidensToItsExactValue() {
        for (int h = 0; h < 1 << 16; h++) {
            int sign = h >>> 15;
            int e = (h >>> 10) & 0x1f;
            int m = h & 0x3ff;
            float got = Float16.toFloat((short) h);
            if (e == 0x1f) {
                assertEquals(m != 0, Float.isNaN(got), "half " + h);
                if (m == 0) {
                    assertEquals(sign == 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY, got);
                }
                continue;
            }
            double magnitude = e == 0 ? Math.scalb((double) m, -24) : Math.scalb(1 + m / 1024.0, e - 15);
            assertEquals(sign == 0 ? magnitude : -magnitude, got, 0.0, "half " + h);
            assertEquals(sign, Float.floatToRawIntBits(got) >>> 31, "sign of half " + h);
        }
    }

    @Test
    void everyNonNaNHalfRoundTrips() {
        for (int h = 0; h < 1 << 16; h++) {
            float f = Float16.toFloat((short) h);
            if (!Float.isNaN(f)) {
                assertEquals(h, Float16.fromFloat(f) & 0xffff, "half " + h);
            } else {
                assertTrue(Float.isNaN(Float16.toFloat(Float16.fromFloat(f))));
            }
        }
    }

    /** {float32 as hex, numpy 1.26 np.float32(x).astype(np.float16) bits}. */
    private static final String[][] GOLDEN = {
        {"0x1.ffcp+15", "7bff"}, {"0x1.ffdffap+15", "7bff"}, {"0x1.ffep+15", "7c00"}, {"0x1.5798eep-27", "0"},
        {"0x1.0p-25", "0"}, {"0x1.8p-25", "1"}, {"0x1.8p-24", "2"}, {"0x1.4p-23", "2"},
        {"0x1.99999ap-4", "2e66"}, {"0x1.555556p-2", "3555"}, {"-0x1.a36e2ep-16", "81a3"},
        {"0x1.002p+0", "3c00"}, {"0x1.006p+0", "3c02"}, {"0x1.ffb48p-15", "3ff"}, {"0x1.86ap+16", "7c00"},
        {"-0x0.0p+0", "8000"},
    };

    @Test
    void narrowsToNearestEvenAsNumpy() {
        for (String[] g : GOLDEN) {
            float f = Float.parseFloat(g[0]);
            assertEquals(Integer.parseInt(g[1], 16), Float16.fromFloat(f) & 0xffff, g[0]);
        }
    }
}
