package org.is3.core.shapes;

import java.util.SplittableRandom;

/** Paints a {@link Background} into a row-major 0xRRGGBB buffer. */
final class BackgroundPainter {

    private BackgroundPainter() {
    }

    static int[] paint(Background bg, int width, int height) {
        int[] out = new int[width * height];
        switch (bg.kind()) {
            case FLAT -> java.util.Arrays.fill(out, bg.colour());
            case GRADIENT -> gradient(bg, width, height, out);
            case NOISE -> noise(bg, width, height, out);
        }
        if (bg.grain() > 0) {
            grain(out, bg.grain(), new SplittableRandom(bg.noiseSeed() + 1));
        }
        if (bg.blurRadius() > 0) {
            boxBlur(out, width, height, bg.blurRadius());
        }
        return out;
    }

    private static void gradient(Background bg, int width, int height, int[] out) {
        double a = Math.toRadians(bg.angleDegrees());
        double dx = Math.cos(a);
        double dy = Math.sin(a);
        double half = (Math.abs(dx) * width + Math.abs(dy) * height) / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double t = ((x - width / 2.0) * dx + (y - height / 2.0) * dy) / half * 0.5 + 0.5;
                out[y * width + x] = lerp(bg.colour(), bg.otherColour(), t);
            }
        }
    }

    /** Value noise: random lattice values, smoothstep-interpolated between lattice points. */
    private static void noise(Background bg, int width, int height, int[] out) {
        int cell = bg.noiseCell();
        int cols = width / cell + 2;
        int rows = height / cell + 2;
        SplittableRandom rng = new SplittableRandom(bg.noiseSeed());
        double[] lattice = new double[cols * rows];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = rng.nextDouble();
        }
        int[] palette = new int[256];
        for (int i = 0; i < 256; i++) {
            palette[i] = lerp(bg.colour(), bg.otherColour(), i / 255.0);
        }
        for (int y = 0; y < height; y++) {
            int gy = y / cell;
            double fy = smooth((y % cell + 0.5) / cell);
            for (int x = 0; x < width; x++) {
                int gx = x / cell;
                double fx = smooth((x % cell + 0.5) / cell);
                int i = gy * cols + gx;
                double top = lattice[i] + (lattice[i + 1] - lattice[i]) * fx;
                double bottom = lattice[i + cols] + (lattice[i + cols + 1] - lattice[i + cols]) * fx;
                out[y * width + x] = palette[(int) Math.round((top + (bottom - top) * fy) * 255)];
            }
        }
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static void grain(int[] px, int amplitude, SplittableRandom rng) {
        for (int i = 0; i < px.length; i++) {
            int d = rng.nextInt(-amplitude, amplitude + 1);
            int c = px[i];
            px[i] = (clamp((c >> 16 & 0xFF) + d) << 16) | (clamp((c >> 8 & 0xFF) + d) << 8) | clamp((c & 0xFF) + d);
        }
    }

    /** Separable box blur with edge clamping, one channel-packed pass per direction. */
    private static void boxBlur(int[] px, int width, int height, int r) {
        int[] tmp = new int[px.length];
        blurLines(px, tmp, width, height, 1, width, r);
        blurLines(tmp, px, height, width, width, 1, r);
    }

    /** Blurs {@code lines} lines of {@code length} pixels; {@code step} walks a line, {@code stride} the lines. */
    private static void blurLines(int[] src, int[] dst, int length, int lines, int step, int stride, int r) {
        int n = 2 * r + 1;
        for (int line = 0; line < lines; line++) {
            int base = line * stride;
            int sr = 0;
            int sg = 0;
            int sb = 0;
            for (int k = -r; k <= r; k++) {
                int c = src[base + Math.max(0, Math.min(length - 1, k)) * step];
                sr += c >> 16 & 0xFF;
                sg += c >> 8 & 0xFF;
                sb += c & 0xFF;
            }
            for (int i = 0; i < length; i++) {
                dst[base + i * step] = (sr / n) << 16 | (sg / n) << 8 | (sb / n);
                int out = src[base + Math.max(0, i - r) * step];
                int in = src[base + Math.min(length - 1, i + r + 1) * step];
                sr += (in >> 16 & 0xFF) - (out >> 16 & 0xFF);
                sg += (in >> 8 & 0xFF) - (out >> 8 & 0xFF);
                sb += (in & 0xFF) - (out & 0xFF);
            }
        }
    }

    static int lerp(int c0, int c1, double t) {
        t = Math.max(0, Math.min(1, t));
        int r = (int) Math.round((c0 >> 16 & 0xFF) + ((c1 >> 16 & 0xFF) - (c0 >> 16 & 0xFF)) * t);
        int g = (int) Math.round((c0 >> 8 & 0xFF) + ((c1 >> 8 & 0xFF) - (c0 >> 8 & 0xFF)) * t);
        int b = (int) Math.round((c0 & 0xFF) + ((c1 & 0xFF) - (c0 & 0xFF)) * t);
        return r << 16 | g << 8 | b;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
