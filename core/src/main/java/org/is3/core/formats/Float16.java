package org.is3.core.formats;

/**
 * IEEE binary16 conversions with numpy's results: half→float is exact (subnormals, ±inf and NaN
 * payloads included, as {@code npy_halfbits_to_floatbits}); float→half rounds to nearest, ties to
 * even. Java 17 has no {@code Float.float16ToFloat}, and a 256 KiB table makes decoding a lookup.
 */
final class Float16 {
    private static final float[] TO_FLOAT = new float[1 << 16];

    static {
        for (int h = 0; h < TO_FLOAT.length; h++) {
            TO_FLOAT[h] = convert(h);
        }
    }

    private Float16() {
    }

    static float toFloat(short bits) {
        return TO_FLOAT[bits & 0xffff];
    }

    private static float convert(int h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0) {
            // Subnormal or zero: mantissa × 2^-24, exact in binary32.
            float v = mantissa * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }

    /** Rounds to the nearest binary16, ties to even; overflow gives ±inf; NaN stays NaN. */
    static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fffffff;
        if (abs >= 0x7f800000) {
            return (short) (sign | (abs == 0x7f800000 ? 0x7c00 : 0x7e00 | ((abs >>> 13) & 0x3ff)));
        }
        if (abs >= 0x477ff000) {
            // 65520 and above round to infinity (65504 is the largest finite half).
            return (short) (sign | 0x7c00);
        }
        if (abs < 0x38800000) {
            // Below 2^-14: a subnormal half, counted in units of 2^-24 (the scaling is exact).
            int m = (int) Math.rint(Float.intBitsToFloat(abs) * 0x1p24f);
            return (short) (sign | m);
        }
        int h = (((abs >>> 23) - 127 + 15) << 10) | ((abs >>> 13) & 0x3ff);
        int rest = abs & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (h & 1) == 1)) {
            h++;
        }
        return (short) (sign | h);
    }
}
