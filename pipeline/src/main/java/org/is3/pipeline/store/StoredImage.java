package org.is3.pipeline.store;

import org.is3.pipeline.plan.PlannedImage;

/**
 * An image row of a run.
 *
 * @param params    the generator's choices as JSON text, null before generation
 * @param imagePath relative to the is3 home, null before generation
 * @param error     why the last attempt failed, null otherwise
 * @param verifiedBy who approved or rejected it ({@code auto} for auto-annotation), null before
 * @param autoAnnotated whether its masks are the generator's, accepted without people
 */
public record StoredImage(long runId, PlannedImage planned, ImageState state, String generator,
                         String generatorVersion, String params, Long timingMs, String imagePath,
                         String error, String verifiedBy, boolean autoAnnotated) {
}
