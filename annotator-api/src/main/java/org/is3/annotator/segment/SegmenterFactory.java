package org.is3.annotator.segment;

/**
 * Makes a named {@link Segmenter}; found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.is3.annotator.segment.SegmenterFactory}).
 */
public interface SegmenterFactory {

    String name();

    Segmenter create(SegmenterSettings settings);
}
