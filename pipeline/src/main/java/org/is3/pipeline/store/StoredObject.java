package org.is3.pipeline.store;

import org.is3.core.rle.CocoRle;

/**
 * The accepted mask of one object of an image (table {@code image_object}): what the release
 * exports for the instance {@code <base>_<category>}.
 *
 * @param box        tight box of the mask, COCO {@code [x, y, w, h]} in pixels
 * @param source     {@code auto} (generator's exact mask), {@code annotator} or {@code import}
 * @param acceptedBy user name, or {@code auto} / {@code import}
 */
public record StoredObject(String base, String category, CocoRle mask, int[] box, long area, String source,
                           String acceptedBy) {

    public String instance() {
        return base + "_" + category;
    }
}
