package org.is3.pipeline.export;

import java.util.List;
import org.is3.pipeline.store.StoredAudio;
import org.is3.pipeline.store.StoredObject;

/**
 * One instance of a release: an image and the object that sounds in it, with its accepted mask, its
 * box in the 224-pixel frame and its four clips (positive first).
 *
 * @param box224 {@code [x1, y1, x2, y2]} in pixels of the 224×224 frame (xyxy, as IS3's boxes)
 */
record ReleaseInstance(String id, StoredObject object, int[] box224, List<StoredAudio> audio) {

    static final int FRAME = 224;

    /** The mask's tight box scaled to the 224 frame, corners truncated to whole pixels. */
    static int[] box224(StoredObject o) {
        int w = o.mask().width();
        int h = o.mask().height();
        int[] b = o.box();
        return new int[] {
            scale(b[0], w), scale(b[1], h), scale(b[0] + b[2], w), scale(b[1] + b[3], h)};
    }

    private static int scale(int v, int size) {
        return Math.min(FRAME, (int) ((long) v * FRAME / size));
    }
}
