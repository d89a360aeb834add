package org.is3.annotator.segment;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.GC_BGD;
import static org.bytedeco.opencv.global.opencv_imgproc.GC_FGD;
import static org.bytedeco.opencv.global.opencv_imgproc.GC_INIT_WITH_MASK;
import static org.bytedeco.opencv.global.opencv_imgproc.GC_PR_BGD;
import static org.bytedeco.opencv.global.opencv_imgproc.GC_PR_FGD;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponents;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.grabCut;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.awt.image.BufferedImage;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * OpenCV's GrabCut (colour GMMs + graph cut) seeded from the clicks: a disc around each positive
 * click is certain foreground, around each negative click certain background; a box makes its
 * outside certain background and its inside probable foreground; the previous mask, when given,
 * makes its pixels probable foreground (refinement click by click). The work is done on the part
 * of the image that can hold the object (the box, or the clicks and previous mask with a margin),
 * which keeps a click on a 1024×1024 image interactive. Only the connected parts of the result
 * that hold a positive click (or, with a box and no positive click, the largest part) are kept:
 * similar colours elsewhere in the image are not the object pointed at.
 */
public final class GrabCutSegmenter implements Segmenter {
    public static final String NAME = "grabcut";
    public static final int DEFAULT_ITERATIONS = 3;
    /** Longest side GrabCut works at (option {@code working-side}); larger regions are cut scaled down. */
    public static final int DEFAULT_WORKING_SIDE = 512;
    /** Share of the image side added around clicks when no box bounds the object. */
    private static final double MARGIN = 0.3;

    private final int iterations;
    private final int workingSide;

    public GrabCutSegmenter(int iterations, int workingSide) {
        if (iterations < 1 || iterations > 20) {
            throw new IllegalArgumentException("grabcut iterations must be 1..20, got " + iterations);
        }
        if (workingSide < 64) {
            throw new IllegalArgumentException("grabcut working side must be at least 64, got " + workingSide);
        }
        this.iterations = iterations;
        this.workingSide = workingSide;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean[] segment(SegmentRequest request) {
        int w = request.width();
        int h = request.height();
        boolean anyPositive = request.clicks().stream().anyMatch(Click::positive);
        boolean[] previous = request.previousMask().orElse(null);
        if (!anyPositive && request.box().isEmpty() && (previous == null || !any(previous))) {
            return new boolean[w * h];
        }
        int[] roi = regionOfInterest(request, previous);
        int rw = roi[2] - roi[0];
        int rh = roi[3] - roi[1];
        byte[] seeds = seeds(request, previous, roi);
        boolean[] local;
        try (Mat image = bgr(request.image(), roi)) {
            local = Math.max(rw, rh) > workingSide ? scaled(image, seeds, rw, rh) : cut(image, seeds, rw, rh);
        }
        for (int i = 0; i < local.length; i++) {
            // the clicks are certain whatever the resampling did near them
            local[i] = seeds[i] == GC_FGD || (local[i] && seeds[i] != GC_BGD);
        }
        keepPointedParts(local, rw, rh, request, roi);
        boolean[] full = new boolean[w * h];
        for (int y = 0; y < rh; y++) {
            System.arraycopy(local, y * rw, full, (y + roi[1]) * w + roi[0], rw);
        }
        return full;
    }

    /** GrabCut on the region at its own resolution: foreground where it labels (probable) foreground. */
    private boolean[] cut(Mat image, byte[] seeds, int w, int h) {
        byte[] labels = new byte[w * h];
        try (Mat mask = new Mat(h, w, CV_8UC1); Mat bgd = new Mat(); Mat fgd = new Mat(); Rect none = new Rect()) {
            mask.data().put(seeds);
            if (hasBoth(seeds)) {
                grabCut(image, mask, none, bgd, fgd, iterations, GC_INIT_WITH_MASK);
            }
            mask.data().get(labels);
        }
        boolean[] fg = new boolean[w * h];
        for (int i = 0; i < fg.length; i++) {
            fg[i] = labels[i] == GC_FGD || labels[i] == GC_PR_FGD;
        }
        return fg;
    }

    /**
     * A region larger than {@link #workingSide} is cut at that size (area-averaged pixels, nearest
     * seeds) and the result brought back with linear interpolation thresholded at one half, so
     * edges stay smooth: GrabCut's cost grows with the pixel count, and a click on a 1024×1024
     * image must stay interactive.
     */
    private boolean[] scaled(Mat image, byte[] seeds, int w, int h) {
        double s = workingSide / (double) Math.max(w, h);
        int sw = Math.max(1, (int) Math.round(w * s));
        int sh = Math.max(1, (int) Math.round(h * s));
        byte[] small;
        try (Mat seedMat = new Mat(h, w, CV_8UC1); Mat smallImage = new Mat(); Mat smallSeeds = new Mat();
             Size size = new Size(sw, sh)) {
            seedMat.data().put(seeds);
            resize(image, smallImage, size, 0, 0, INTER_AREA);
            resize(seedMat, smallSeeds, size, 0, 0, INTER_NEAREST);
            byte[] smallSeedBytes = new byte[sw * sh];
            smallSeeds.data().get(smallSeedBytes);
            boolean[] fg = cut(smallImage, smallSeedBytes, sw, sh);
            small = new byte[sw * sh];
            for (int i = 0; i < fg.length; i++) {
                small[i] = (byte) (fg[i] ? 255 : 0);
            }
        }
        byte[] full = new byte[w * h];
        try (Mat smallMask = new Mat(sh, sw, CV_8UC1); Mat fullMask = new Mat(); Size size = new Size(w, h)) {
            smallMask.data().put(small);
            resize(smallMask, fullMask, size, 0, 0, INTER_LINEAR);
            fullMask.data().get(full);
        }
        boolean[] fg = new boolean[w * h];
        for (int i = 0; i < fg.length; i++) {
            fg[i] = (full[i] & 0xFF) >= 128;
        }
        return fg;
    }

    /** {@code [x0, y0, x1, y1)}: the box with a small margin, else clicks and previous mask with a wide one. */
    private static int[] regionOfInterest(SegmentRequest request, boolean[] previous) {
        int w = request.width();
        int h = request.height();
        if (request.box().isPresent()) {
            PromptBox b = request.box().get();
            int pad = Math.max(8, Math.max(b.width(), b.height()) / 10);
            return clip(b.x() - pad, b.y() - pad, b.x() + b.width() + pad, b.y() + b.height() + pad, w, h);
        }
        int x0 = w;
        int y0 = h;
        int x1 = 0;
        int y1 = 0;
        for (Click c : request.clicks()) {
            if (c.positive()) {
                x0 = Math.min(x0, c.x());
                y0 = Math.min(y0, c.y());
                x1 = Math.max(x1, c.x() + 1);
                y1 = Math.max(y1, c.y() + 1);
            }
        }
        if (previous != null) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (previous[y * w + x]) {
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        x1 = Math.max(x1, x + 1);
                        y1 = Math.max(y1, y + 1);
                    }
                }
            }
        }
        int pad = (int) Math.round(MARGIN * Math.max(w, h));
        return clip(x0 - pad, y0 - pad, x1 + pad, y1 + pad, w, h);
    }

    private static int[] clip(int x0, int y0, int x1, int y1, int w, int h) {
        return new int[] {Math.max(0, x0), Math.max(0, y0), Math.min(w, x1), Math.min(h, y1)};
    }

    private static byte[] seeds(SegmentRequest request, boolean[] previous, int[] roi) {
        int rw = roi[2] - roi[0];
        int rh = roi[3] - roi[1];
        int w = request.width();
        byte[] seeds = new byte[rw * rh];
        java.util.Arrays.fill(seeds, (byte) GC_PR_BGD);
        if (request.box().isPresent()) {
            PromptBox b = request.box().get();
            java.util.Arrays.fill(seeds, (byte) GC_BGD);
            for (int y = Math.max(b.y(), roi[1]); y < Math.min(b.y() + b.height(), roi[3]); y++) {
                for (int x = Math.max(b.x(), roi[0]); x < Math.min(b.x() + b.width(), roi[2]); x++) {
                    boolean inPrevious = previous == null || previous[y * w + x];
                    seeds[(y - roi[1]) * rw + x - roi[0]] = (byte) (inPrevious ? GC_PR_FGD : GC_PR_BGD);
                }
            }
        } else if (previous != null) {
            for (int y = 0; y < rh; y++) {
                for (int x = 0; x < rw; x++) {
                    if (previous[(y + roi[1]) * w + x + roi[0]]) {
                        seeds[y * rw + x] = (byte) GC_PR_FGD;
                    }
                }
            }
        }
        int r = clickRadius(request);
        for (Click c : request.clicks()) {
            disc(seeds, rw, rh, c.x() - roi[0], c.y() - roi[1], r, (byte) (c.positive() ? GC_FGD : GC_BGD));
        }
        return seeds;
    }

    /** About 1 % of the image side: small enough to stay inside thin parts, large enough to sample colour. */
    static int clickRadius(SegmentRequest request) {
        return Math.max(2, Math.max(request.width(), request.height()) / 100);
    }

    private static void disc(byte[] seeds, int w, int h, int cx, int cy, int r, byte value) {
        for (int y = Math.max(0, cy - r); y <= Math.min(h - 1, cy + r); y++) {
            for (int x = Math.max(0, cx - r); x <= Math.min(w - 1, cx + r); x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                    seeds[y * w + x] = value;
                }
            }
        }
    }

    /** GrabCut refuses a mask without both a foreground and a background sample. */
    private static boolean hasBoth(byte[] seeds) {
        boolean fg = false;
        boolean bg = false;
        for (byte s : seeds) {
            fg |= s == GC_FGD || s == GC_PR_FGD;
            bg |= s == GC_BGD || s == GC_PR_BGD;
            if (fg && bg) {
                return true;
            }
        }
        return false;
    }

    private static void keepPointedParts(boolean[] mask, int w, int h, SegmentRequest request, int[] roi) {
        int[] labels = new int[w * h];
        int count;
        try (Mat binary = new Mat(h, w, CV_8UC1); Mat out = new Mat()) {
            byte[] bytes = new byte[w * h];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (mask[i] ? 1 : 0);
            }
            binary.data().put(bytes);
            count = connectedComponents(binary, out, 8, CV_32S);
            try (IntIndexer idx = out.createIndexer()) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        labels[y * w + x] = idx.get(y, x);
                    }
                }
            }
        }
        boolean[] keep = new boolean[count];
        boolean anyPositive = false;
        for (Click c : request.clicks()) {
            if (c.positive()) {
                anyPositive = true;
                int l = labels[(c.y() - roi[1]) * w + c.x() - roi[0]];
                keep[l] = l != 0;
            }
        }
        if (!anyPositive) {
            keep[largest(labels, count)] = true;
        }
        for (int i = 0; i < mask.length; i++) {
            mask[i] = labels[i] != 0 && keep[labels[i]];
        }
    }

    private static int largest(int[] labels, int count) {
        int[] sizes = new int[count];
        for (int l : labels) {
            sizes[l]++;
        }
        int best = 0;
        for (int l = 1; l < count; l++) {
            if (best == 0 || sizes[l] > sizes[best]) {
                best = l;
            }
        }
        return best;
    }

    private static Mat bgr(BufferedImage image, int[] roi) {
        int rw = roi[2] - roi[0];
        int rh = roi[3] - roi[1];
        int[] rgb = image.getRGB(roi[0], roi[1], rw, rh, null, 0, rw);
        byte[] bytes = new byte[rw * rh * 3];
        for (int i = 0; i < rgb.length; i++) {
            bytes[3 * i] = (byte) rgb[i];
            bytes[3 * i + 1] = (byte) (rgb[i] >> 8);
            bytes[3 * i + 2] = (byte) (rgb[i] >> 16);
        }
        Mat mat = new Mat(rh, rw, CV_8UC3);
        mat.data().put(bytes);
        return mat;
    }

    private static boolean any(boolean[] mask) {
        for (boolean b : mask) {
            if (b) {
                return true;
            }
        }
        return false;
    }
}
