package org.is3.annotator.work;

import org.is3.core.rle.CocoRle;

/** A submitted mask as stored in {@code annot_submission}. */
public record StoredMask(long id, long taskId, String category, long userId, String userName, CocoRle rle) {
}
