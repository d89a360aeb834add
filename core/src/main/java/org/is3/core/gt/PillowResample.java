package org.is3.core.gt;

/**
 * Pillow's {@code Image.resize} for one 8-bit band, bit for bit (Pillow's libImaging
 * {@code Resample.c} and the nearest-neighbour scale of {@code Geometry.c}). The mask GT of
 * metrics.md §1 is {@code Image.open(mask).resize((224, 224))} with the default filter; this class
 * ports the two filters that default can select: bicubic (modes L and RGB, each channel
 * independently with the same coefficients) and nearest (modes 1 and P).
 *
 * <p>Bicubic is the separable convolution of {@code ImagingResampleInner}: coefficients from
 * {@code precompute_coeffs} (support 2 scaled by max(scale, 1), a = −0.5, each row of taps divided
 * by its sum in binary64), converted to 22-bit fixed point rounding half away from zero
 * ({@code normalize_coeffs_8bpc}), a horizontal pass into an 8-bit image, then a vertical pass; each
 * output is {@code (2^21 + Σ pixel·k) >> 22} clipped to 0…255. Float and int arithmetic follow the
 * C code's types and evaluation order.
 */
final class PillowResample {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double BICUBIC_SUPPORT = 2.0;

    enum Filter { BICUBIC, NEAREST }

    private PillowResample() {
    }

    /**
     * {@code Image.resize((outW, outH), filter)} with the default box: same size is a copy; an image
     * taller than 100× its width is first resized in height only, then in width (the two-step path
     * for very tall images of the Pillow checked, 12.3; older releases may resample such images in
     * one step); otherwise one resample.
     */
    static byte[] resize(byte[] band, int w, int h, int outW, int outH, Filter filter) {
        if (band.length != w * h) {
            throw new IllegalArgumentException("band has " + band.length + " bytes, expected " + w + "×" + h);
        }
        if (w == outW && h == outH) {
            return band.clone();
        }
        if ((long) h > (long) w * 100 && outH < h) {
            byte[] tall = imagingResize(band, w, h, w, outH, 0f, 0f, w, h, filter);
            return imagingResize(tall, w, outH, outW, outH, 0f, 0f, w, outH, filter);
        }
        return imagingResize(band, w, h, outW, outH, 0f, 0f, w, h, filter);
    }

    /** {@code _imaging.c _resize}: a crop when the box is integral and of the output size, else a resample. */
    private static byte[] imagingResize(byte[] in, int w, int h, int outW, int outH,
                                        float x0, float y0, float x1, float y1, Filter filter) {
        if (x0 - (int) x0 == 0 && x1 - x0 == outW && y0 - (int) y0 == 0 && y1 - y0 == outH) {
            return crop(in, w, (int) x0, (int) y0, outW, outH);
        }
        return filter == Filter.NEAREST
                ? nearest(in, w, h, outW, outH, x0, y0, x1, y1)
                : bicubic(in, w, h, outW, outH, x0, y0, x1, y1);
    }

    private static byte[] crop(byte[] in, int w, int x0, int y0, int outW, int outH) {
        byte[] out = new byte[outW * outH];
        for (int y = 0; y < outH; y++) {
            System.arraycopy(in, (y + y0) * w + x0, out, y * outW, outW);
        }
        return out;
    }

    /** Taps of one pass: {@code bounds[2i]} = first input index, {@code bounds[2i+1]} = tap count. */
    private record Coefficients(int ksize, int[] bounds, int[] fixedPoint) {
    }

    /** {@code precompute_coeffs} with the bicubic filter, then {@code normalize_coeffs_8bpc}. */
    private static Coefficients coefficients(int inSize, float in0, float in1, int outSize) {
        double scale = (double) (in1 - in0) / outSize;
        double filterscale = scale < 1.0 ? 1.0 : scale;
        double support = BICUBIC_SUPPORT * filterscale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] bounds = new int[outSize * 2];
        double[] kk = new double[outSize * ksize];
        for (int xx = 0; xx < outSize; xx++) {
            double center = in0 + (xx + 0.5) * scale;
            double ww = 0.0;
            double ss = 1.0 / filterscale;
            int xmin = (int) (center - support + 0.5);
            if (xmin < 0) {
                xmin = 0;
            }
            int xmax = (int) (center + support + 0.5);
            if (xmax > inSize) {
                xmax = inSize;
            }
            xmax -= xmin;
            int k = xx * ksize;
            for (int x = 0; x < xmax; x++) {
                double wgt = bicubicFilter((x + xmin - center + 0.5) * ss);
                kk[k + x] = wgt;
                ww += wgt;
            }
            for (int x = 0; x < xmax; x++) {
                if (ww != 0.0) {
                    kk[k + x] /= ww;
                }
            }
            bounds[xx * 2] = xmin;
            bounds[xx * 2 + 1] = xmax;
        }
        int[] fixed = new int[kk.length];
        for (int i = 0; i < kk.length; i++) {
            fixed[i] = kk[i] < 0 ? (int) (-0.5 + kk[i] * (1 << PRECISION_BITS))
                    : (int) (0.5 + kk[i] * (1 << PRECISION_BITS));
        }
        return new Coefficients(ksize, bounds, fixed);
    }

    /** Keys' cubic convolution with a = −0.5, written as Pillow's {@code bicubic_filter}. */
    private static double bicubicFilter(double x) {
        final double a = -0.5;
        if (x < 0.0) {
            x = -x;
        }
        if (x < 1.0) {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }

    /** {@code ImagingResampleInner} with the 8-bit horizontal and vertical passes. */
    private static byte[] bicubic(byte[] in, int w, int h, int outW, int outH,
                                  float x0, float y0, float x1, float y1) {
        boolean needHorizontal = outW != w || x0 != 0 || x1 != outW;
        boolean needVertical = outH != h || y0 != 0 || y1 != outH;
        Coefficients vert = coefficients(h, y0, y1, outH);
        int[] vBounds = vert.bounds().clone();
        int yFirst = vBounds[0];
        int yLast = vBounds[outH * 2 - 2] + vBounds[outH * 2 - 1];
        byte[] cur = in;
        int curW = w;
        if (needHorizontal) {
            Coefficients hor = coefficients(w, x0, x1, outW);
            for (int i = 0; i < outH; i++) {
                vBounds[i * 2] -= yFirst;
            }
            cur = horizontal(in, w, yFirst, yLast - yFirst, outW, hor);
            curW = outW;
        }
        if (needVertical) {
            return vertical(cur, curW, outH, new Coefficients(vert.ksize(), vBounds, vert.fixedPoint()));
        }
        return needHorizontal ? cur : in.clone();
    }

    private static byte[] horizontal(byte[] in, int w, int offset, int rows, int outW, Coefficients c) {
        byte[] out = new byte[outW * rows];
        int[] k = c.fixedPoint();
        for (int yy = 0; yy < rows; yy++) {
            int row = (yy + offset) * w;
            for (int xx = 0; xx < outW; xx++) {
                int xmin = c.bounds()[xx * 2];
                int xmax = c.bounds()[xx * 2 + 1];
                int kx = xx * c.ksize();
                int ss = 1 << (PRECISION_BITS - 1);
                for (int x = 0; x < xmax; x++) {
                    ss += (in[row + x + xmin] & 0xFF) * k[kx + x];
                }
                out[yy * outW + xx] = clip8(ss);
            }
        }
        return out;
    }

    private static byte[] vertical(byte[] in, int w, int outH, Coefficients c) {
        byte[] out = new byte[w * outH];
        int[] k = c.fixedPoint();
        for (int yy = 0; yy < outH; yy++) {
            int ky = yy * c.ksize();
            int ymin = c.bounds()[yy * 2];
            int ymax = c.bounds()[yy * 2 + 1];
            for (int xx = 0; xx < w; xx++) {
                int ss = 1 << (PRECISION_BITS - 1);
                for (int y = 0; y < ymax; y++) {
                    ss += (in[(y + ymin) * w + xx] & 0xFF) * k[ky + y];
                }
                out[yy * w + xx] = clip8(ss);
            }
        }
        return out;
    }

    private static byte clip8(int ss) {
        int v = ss >> PRECISION_BITS;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    /**
     * The nearest-neighbour path of {@code _resize}: an affine scale with {@code a0 = boxWidth/outW},
     * sampled at pixel centres by {@code ImagingScaleAffine}, whose source positions are
     * accumulated ({@code xo += a0}) rather than multiplied, as in C. Pixels that map outside the
     * source stay 0.
     */
    private static byte[] nearest(byte[] in, int w, int h, int outW, int outH,
                                  float x0, float y0, float x1, float y1) {
        double a0 = (double) (x1 - x0) / outW;
        double a4 = (double) (y1 - y0) / outH;
        int[] xintab = new int[outW];
        int xmin = outW;
        int xmax = 0;
        double xo = x0 + a0 * 0.5;
        for (int x = 0; x < outW; x++) {
            int xin = coord(xo);
            if (xin >= 0 && xin < w) {
                xmax = x + 1;
                if (x < xmin) {
                    xmin = x;
                }
                xintab[x] = xin;
            }
            xo += a0;
        }
        byte[] out = new byte[outW * outH];
        double yo = y0 + a4 * 0.5;
        for (int y = 0; y < outH; y++) {
            int yi = coord(yo);
            if (yi >= 0 && yi < h) {
                for (int x = xmin; x < xmax; x++) {
                    out[y * outW + x] = in[yi * w + xintab[x]];
                }
            }
            yo += a4;
        }
        return out;
    }

    private static int coord(double v) {
        return v < 0.0 ? -1 : (int) v;
    }
}
