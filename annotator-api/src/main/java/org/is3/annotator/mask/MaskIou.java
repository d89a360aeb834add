package org.is3.annotator.mask;

/** Intersection over union of two binary masks of one size; two empty masks agree fully (IoU 1). */
public final class MaskIou {
    private MaskIou() {
    }

    public static double of(boolean[] a, boolean[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("masks differ in size: " + a.length + " vs " + b.length + " pixels");
        }
        long inter = 0;
        long union = 0;
        for (int i = 0; i < a.length; i++) {
            inter += a[i] && b[i] ? 1 : 0;
            union += a[i] || b[i] ? 1 : 0;
        }
        return union == 0 ? 1.0 : (double) inter / union;
    }
}
