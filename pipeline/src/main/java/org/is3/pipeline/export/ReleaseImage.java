package org.is3.pipeline.export;

import java.util.List;
import org.is3.pipeline.store.StoredImage;

/** An image of a release with its two instances, in the order they are written. */
record ReleaseImage(StoredImage image, int width, int height, List<ReleaseInstance> instances) {

    String base() {
        return image.planned().base();
    }
}
