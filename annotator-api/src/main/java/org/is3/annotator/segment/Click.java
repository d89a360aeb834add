package org.is3.annotator.segment;

/** One click on the image, in image pixels: positive (the object is here) or negative (it is not). */
public record Click(int x, int y, boolean positive) {
}
