package org.is3.annotator.segment;

/** {@code grabcut}: option {@code iterations} (default {@value GrabCutSegmenter#DEFAULT_ITERATIONS}). */
public final class GrabCutFactory implements SegmenterFactory {

    @Override
    public String name() {
        return GrabCutSegmenter.NAME;
    }

    @Override
    public Segmenter create(SegmenterSettings settings) {
        return new GrabCutSegmenter(settings.intOption("iterations", GrabCutSegmenter.DEFAULT_ITERATIONS));
    }
}
