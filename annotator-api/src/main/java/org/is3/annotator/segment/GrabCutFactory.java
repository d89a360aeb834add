package org.is3.annotator.segment;

/**
 * {@code grabcut}: options {@code iterations} (default {@value GrabCutSegmenter#DEFAULT_ITERATIONS}) and
 * {@code working-side} (default {@value GrabCutSegmenter#DEFAULT_WORKING_SIDE}).
 */
public final class GrabCutFactory implements SegmenterFactory {

    @Override
    public String name() {
        return GrabCutSegmenter.NAME;
    }

    @Override
    public Segmenter create(SegmenterSettings settings) {
        return new GrabCutSegmenter(settings.intOption("iterations", GrabCutSegmenter.DEFAULT_ITERATIONS),
                settings.intOption("working-side", GrabCutSegmenter.DEFAULT_WORKING_SIDE));
    }
}
